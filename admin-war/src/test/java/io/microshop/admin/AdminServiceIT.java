package io.microshop.admin;

import io.microshop.testing.ServiceContract;
import java.util.Set;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
public class AdminServiceIT extends ServiceContract {

    @Override
    protected Set<String> documentedOperations() {
        return Set.of("GET /api/products", "POST /api/products", "GET /api/products/{id}", "PUT /api/products/{id}",
                "DELETE /api/products/{id}", "GET /api/user", "PUT /api/users/by-subject/{subject}");
    }

    @Override
    protected String readOnlyPath() {
        return "/api/products";
    }

    @Override
    protected String service() {
        return "admin";
    }
}
