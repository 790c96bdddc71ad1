package io.microshop.main.product;

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

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 2048)
    private String image;

    @Column(nullable = false)
    private int likes;

    protected Product() {
    }

    public ProductView view() {
        return new ProductView(id, title, image, likes);
    }
}
