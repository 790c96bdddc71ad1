package io.microshop.admin.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.microshop.event.ProductFields;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductInputTest {

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidation() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stopValidation() {
        factory.close();
    }

    @Test
    void titleAndImageAreTrimmed() {
        ProductInput input = new ProductInput(" \t Coffee mug \n", "  https://example.com/a.png ");
        assertEquals("Coffee mug", input.title());
        assertEquals("https://example.com/a.png", input.image());
        assertEquals(Set.of(), validator.validate(input));
    }

    @Test
    void missingFieldsStayMissing() {
        ProductInput input = new ProductInput(null, null);
        assertNull(input.title());
        assertEquals(List.of("image", "title"), invalidFields(input));
    }

    @Test
    void aTitleOfWhitespaceIsRequiredAgain() {
        assertEquals(List.of("title"), invalidFields(new ProductInput(" \u2003 ", "https://example.com/a.png")));
    }

    @Test
    void titleLengthCountsAfterTrimming() {
        String longest = "t".repeat(ProductFields.TITLE_MAX);
        assertEquals(List.of(), invalidFields(new ProductInput("  " + longest + "  ", "http://a.example")));
        assertEquals(List.of("title"), invalidFields(new ProductInput(longest + "t", "http://a.example")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mug.png", "/images/mug.png", "ftp://example.com/mug.png", "javascript:alert(1)",
        "http://", "https:///mug.png", "http://exa mple.com/x.png", "data:image/png;base64,AAAA"})
    void imageMustBeAnAbsoluteWebUrl(String image) {
        assertEquals(List.of("image"), invalidFields(new ProductInput("Mug", image)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/mug.png", "https://images.example.com:8443/a/b.png?size=2#x",
        "HTTPS://EXAMPLE.COM/MUG.PNG", "http://localhost/mug.png", "http://192.168.0.10/mug.png"})
    void webUrlsAreImages(String image) {
        assertEquals(List.of(), invalidFields(new ProductInput("Mug", image)));
    }

    private static List<String> invalidFields(ProductInput input) {
        Set<ConstraintViolation<ProductInput>> violations = validator.validate(input);
        return violations.stream().map(v -> v.getPropertyPath().toString()).distinct().sorted().toList();
    }
}
