package io.microshop.main.product;

import io.microshop.main.Fixture;
import io.microshop.testing.PagedListContract;
import java.util.List;
import java.util.stream.Stream;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
public class StorefrontPagingIT extends PagedListContract {

    @Override
    protected List<Long> threeConsecutiveProducts() {
        return Stream.generate(Fixture::newProduct).limit(3).map(ProductView::id).toList();
    }
}
