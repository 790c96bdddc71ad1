package io.microshop.main.product;

import io.microshop.event.ProductFields;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A product as the storefront holds it: admin's id, title and image, and the likes main counts. */
@Entity
@Table(name = "products")
public class Product {

    @Id
    private Long id;

    @Column(nullable = false, length = ProductFields.TITLE_MAX)
    private String title;

    @Column(nullable = false, length = ProductFields.IMAGE_MAX)
    private String image;

    @Column(nullable = false)
    private int likes;

    protected Product() {
    }

    public ProductView view() {
        return new ProductView(id, title, image, likes);
    }
}
