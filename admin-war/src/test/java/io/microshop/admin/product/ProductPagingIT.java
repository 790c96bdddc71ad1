package io.microshop.admin.product;

import io.microshop.testing.PagedListContract;
import io.microshop.testing.Identity;
import java.util.List;
import java.util.stream.Stream;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
public class ProductPagingIT extends PagedListContract {

    private static final String ADMIN = "Bearer " + Identity.admin();

    @RESTClient
    public static ProductsApi products;

    @Override
    protected List<Long> threeConsecutiveProducts() {
        return Stream.generate(() -> products.create(ADMIN, new ProductInput("Paged", "https://images.example.com/paged.png")))
                .limit(3).map(ProductView::id).toList();
    }
}
