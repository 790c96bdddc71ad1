package io.microshop.admin.user;

import static io.microshop.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microshop.testing.Http;
import io.microshop.testing.Identity;
import io.microshop.testing.RefusedTokens;
import io.microshop.testing.RefusedTokens.Refusal;
import io.microshop.testing.ServiceUnderTest;
import io.microshop.testing.TestDatabase;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
public class UserApiIT {

    private final Http anonymous = ServiceUnderTest.http();
    private final Http main = anonymous.as(Identity.main());
    private final TestDatabase database = TestDatabase.fromSystemProperties();

    @Test
    void theChangelogSeedsUsersNumberedFromOneSoThatAnonymousLikesWorkOutOfTheBox() {
        long users = database.queryLong("SELECT COUNT(*) FROM users WHERE subject IS NULL");
        assertTrue(users > 0, "no users seeded");
        assertEquals(users, database.queryLong("SELECT MAX(id) FROM users WHERE subject IS NULL"),
                "seeded user ids are not 1 to " + users);
    }

    @Test
    void aRandomUserIsASeededOneAndNotAlwaysTheSame() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Http.Reply reply = main.get("/api/user");
            assertEquals(200, reply.status(), reply::toString);
            long id = reply.json().getJsonNumber("id").longValue();
            assertEquals(1, database.queryLong("SELECT COUNT(*) FROM users WHERE id = ? AND subject IS NULL", id));
            seen.add(id);
        }
        assertTrue(seen.size() > 1, () -> "always the same user: " + seen);
    }

    @Test
    void withoutSeededUsersARandomUserIsA503Problem() {
        database.update("CREATE TABLE users_aside AS SELECT id FROM users WHERE subject IS NULL");
        try {
            database.update("DELETE FROM users WHERE subject IS NULL");

            Http.Reply reply = main.get("/api/user");

            assertProblem(reply, 503, "no-users");
            assertTrue(reply.header("Retry-After").isPresent(), reply::toString);
        } finally {
            database.update("INSERT INTO users (id) SELECT id FROM users_aside");
            database.update("DROP TABLE users_aside");
        }
    }

    @Test
    void aPersonGetsAUserOnFirstSightAndTheSameOneAfter() {
        String person = UUID.randomUUID().toString();
        long first = userOf(person);
        assertEquals(first, userOf(person));
        assertNotEquals(first, userOf(UUID.randomUUID().toString()));
        assertEquals(person, database.queryString("SELECT subject FROM users WHERE id = ?", first));
    }

    @Test
    void concurrentFirstSightsOfOnePersonMakeOneUser() {
        String person = UUID.randomUUID().toString();
        List<CompletableFuture<Long>> calls = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> userOf(person))).toList();
        assertEquals(1, calls.stream().map(CompletableFuture::join).distinct().count());
        assertEquals(1, database.queryLong("SELECT COUNT(*) FROM users WHERE subject = ?", person));
    }

    @Test
    void aSubjectLongerThanAnyProvidersIsA400Problem() {
        assertProblem(main.put("/api/users/by-subject/" + "x".repeat(256), null, null), 400, "validation");
    }

    static Stream<Refusal> refusals() {
        return RefusedTokens.all("user-directory", () -> Identity.shopper(1)).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void onlyMainAsksAboutUsersAndARefusalCreatesNone(Refusal refusal) {
        long users = database.queryLong("SELECT COUNT(*) FROM users");
        Http caller = RefusedTokens.as(anonymous, refusal);

        refusal.assertAnswered(caller.put("/api/users/by-subject/" + UUID.randomUUID(), null, null));
        refusal.assertAnswered(caller.get("/api/user"));

        assertEquals(users, database.queryLong("SELECT COUNT(*) FROM users"));
    }

    private long userOf(String subject) {
        Http.Reply reply = main.put("/api/users/by-subject/" + subject, null, null);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonNumber("id").longValue();
    }
}
