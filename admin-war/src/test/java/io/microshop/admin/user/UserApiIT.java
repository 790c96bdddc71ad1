package io.microshop.admin.user;

import static io.microshop.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microshop.testing.Http;
import io.microshop.testing.ServiceUnderTest;
import io.microshop.testing.TestDatabase;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
public class UserApiIT {

    private final Http http = ServiceUnderTest.http();
    private final TestDatabase database = TestDatabase.fromSystemProperties();

    @Test
    void theChangelogSeedsUsersNumberedFromOneSoThatLikesWorkOutOfTheBox() {
        long users = database.queryLong("SELECT COUNT(*) FROM users");
        assertTrue(users > 0, "no users seeded");
        assertEquals(users, database.queryLong("SELECT MAX(id) FROM users"), "user ids are not 1 to " + users);
    }

    @Test
    void aRandomUserIsAnExistingOneAndNotAlwaysTheSame() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Http.Reply reply = http.get("/api/user");
            assertEquals(200, reply.status(), reply::toString);
            long id = reply.json().getJsonNumber("id").longValue();
            assertEquals(1, database.queryLong("SELECT COUNT(*) FROM users WHERE id = ?", id));
            seen.add(id);
        }
        assertTrue(seen.size() > 1, () -> "always the same user: " + seen);
    }

    @Test
    void withoutUsersARandomUserIsA503Problem() {
        database.update("CREATE TABLE users_aside AS SELECT id FROM users");
        try {
            database.update("DELETE FROM users");

            Http.Reply reply = http.get("/api/user");

            assertProblem(reply, 503, "no-users");
            assertTrue(reply.header("Retry-After").isPresent(), reply::toString);
        } finally {
            database.update("INSERT INTO users (id) SELECT id FROM users_aside");
            database.update("DROP TABLE users_aside");
        }
    }

    @Test
    void aUserByIdIsThereOrA404Problem() {
        long user = database.queryLong("SELECT MIN(id) FROM users");
        Http.Reply reply = http.get("/api/users/" + user);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(user, reply.json().getJsonNumber("id").longValue());

        long stranger = database.queryLong("SELECT MAX(id) FROM users") + 1000;
        assertEquals("No user with id " + stranger + ".",
                assertProblem(http.get("/api/users/" + stranger), 404, "not-found").getString("detail"));
        assertProblem(http.get("/api/users/abc"), 404, "not-found");
    }
}
