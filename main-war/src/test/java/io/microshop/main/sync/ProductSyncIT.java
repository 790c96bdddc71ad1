package io.microshop.main.sync;

import static io.microshop.main.sync.SyncWorld.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microshop.testing.Http;
import io.microshop.testing.Identity;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Admin's product changes reach main, and main's likes reach admin, through the broker. */
public class ProductSyncIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static SyncWorld world;

    @BeforeAll
    static void startTheConsumers() {
        world = SyncWorld.get();
    }

    @Test
    void aCreatedUpdatedAndDeletedProductFollowsInMain() {
        String title = "Synced " + UUID.randomUUID();
        // The first product of main's list after admin's newest: the new one, once main-sync applied it.
        String next = "/api/products?limit=1&after=" + world.adminDb.queryLong("SELECT COALESCE(MAX(id), 0) FROM products");
        assertEquals(200, world.main.get(next).status());
        long id = world.create(title);
        await("product " + id + " in main's list", PATIENCE, () -> world.main.get(next).jsonArray().stream()
                .anyMatch(p -> p.asJsonObject().getJsonNumber("id").longValue() == id));
        JsonObject copied = world.main.get("/api/products/" + id).json();
        assertEquals(title, copied.getString("title"));
        assertEquals(world.admin.get("/api/products/" + id).json().getString("image"), copied.getString("image"));
        assertEquals(0, copied.getInt("likes"));

        String renamed = "Renamed " + UUID.randomUUID();
        assertEquals(200, world.admin.putJson("/api/products/" + id, SyncWorld.product(renamed)).status());
        await("the new title in main", PATIENCE,
                () -> renamed.equals(world.main.get("/api/products/" + id).json().getString("title")));

        assertEquals(204, world.admin.delete("/api/products/" + id).status());
        await("product " + id + " gone from main", PATIENCE, () -> world.main.get("/api/products/" + id).status() == 404);
    }

    @Test
    void likesInMainAreCountedInAdmin() {
        long id = world.create("Liked " + UUID.randomUUID());
        await("product " + id + " in main", PATIENCE, () -> world.main.get("/api/products/" + id).status() == 200);

        for (int shopper = 1; shopper <= 5; shopper++) {
            Http.Reply like = world.main.as(Identity.shopper(shopper)).post("/api/products/" + id + "/like", null, null);
            assertEquals(200, like.status(), like::toString);
        }
        assertEquals(409, world.main.as(Identity.shopper(1)).post("/api/products/" + id + "/like", null, null).status());

        await("5 likes in admin", PATIENCE, () -> world.admin.get("/api/products/" + id).json().getInt("likes") == 5);
        assertEquals(5, world.admin.get("/api/products?after=" + (id - 1) + "&limit=1").jsonArray().getJsonObject(0)
                .getInt("likes"), "admin's list counts the likes admin-likes applied");
        world.assertConverge(PATIENCE);
    }
}
