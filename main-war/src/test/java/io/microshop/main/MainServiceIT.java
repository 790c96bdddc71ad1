package io.microshop.main;

import io.microshop.testing.ServiceContract;
import java.util.Set;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
public class MainServiceIT extends ServiceContract {

    @Override
    protected Set<String> documentedOperations() {
        return Set.of("GET /api/products", "GET /api/products/{id}", "POST /api/products/{id}/like");
    }

    @Override
    protected String readOnlyPath() {
        return "/api/products";
    }

    @Override
    protected String service() {
        return "main";
    }
}
