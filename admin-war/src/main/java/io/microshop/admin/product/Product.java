package io.microshop.admin.product;

import io.microshop.event.ProductCreated;
import io.microshop.event.ProductDeleted;
import io.microshop.event.ProductFields;
import io.microshop.event.ProductUpdated;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/** A product of the catalogue. Admin owns its title and image; likes are counted from main's events. */
@Entity
@Table(name = "products")
@DynamicUpdate // an edit writes title, image and version only, never over a like count that main's events raise
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = ProductFields.TITLE_MAX)
    private String title;

    @Column(nullable = false, length = ProductFields.IMAGE_MAX)
    private String image;

    @Column(nullable = false)
    private int likes;

    /** Raised by every change, and carried by its event, so that consumers apply changes in order. */
    @Column(nullable = false)
    private long version = 1;

    protected Product() {
    }

    Product(ProductInput input) {
        describe(input);
    }

    void describe(ProductInput input) {
        this.title = input.title();
        this.image = input.image();
    }

    void revise(ProductInput input) {
        describe(input);
        version++;
    }

    ProductCreated created() {
        return ProductCreated.now(id, version, title, image);
    }

    ProductUpdated updated() {
        return ProductUpdated.now(id, version, title, image);
    }

    ProductDeleted deleted() {
        return ProductDeleted.now(id, version + 1);
    }

    ProductView view() {
        return new ProductView(id, title, image, likes);
    }
}
