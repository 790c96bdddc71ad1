package io.microshop.admin.product;

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
@DynamicUpdate // an edit writes title and image only, never over a like count that main's events raise

public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = ProductInput.TITLE_MAX)
    private String title;

    @Column(nullable = false, length = ProductInput.IMAGE_MAX)
    private String image;

    @Column(nullable = false)
    private int likes;

    protected Product() {
    }

    Product(ProductInput input) {
        describe(input);
    }

    void describe(ProductInput input) {
        this.title = input.title();
        this.image = input.image();
    }

    ProductView view() {
        return new ProductView(id, title, image, likes);
    }
}
