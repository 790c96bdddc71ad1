package io.microshop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileTest {

    @Test
    void eachPartIsTheShareOfSamplesWhoseStackPassesThroughItsFrame(@TempDir Path directory) throws Exception {
        Path collapsed = directory.resolve("main.collapsed");
        Files.writeString(collapsed, """
                java/lang/Thread.run;com/ibm/ws/http/dispatcher/internal/channel/HttpDispatcherLink.ready;io/microshop/main/like/LikeService.like;io/microshop/main/product/Storefront.find 30
                java/lang/Thread.run;com/ibm/ws/http/dispatcher/internal/channel/HttpDispatcherLink.ready;io/microshop/main/like/LikeService.like;io/microshop/main/like/Likes.record;com/mysql/cj/NativeSession.execSQL 50
                thread_native_entry;CompileBroker::compiler_thread_loop;C2Compiler::compile_method 20
                java/lang/Thread.run;com/ibm/ws/http/dispatcher/internal/channel/HttpDispatcherLink.ready;io/microshop/main/like/LikeService.like;io/microshop/main/product/Storefront.find 10
                """);

        Profile profile = Profile.read(collapsed);

        assertEquals(110, profile.samples());
        assertEquals(90 / 110.0, profile.share("LikeService.like"), 1e-9);
        assertEquals(40 / 110.0, profile.share("Storefront.find"), 1e-9);
        String table = profile.markdown("main");
        assertTrue(table.startsWith("| main (110 samples) | share of CPU |\n|---|---:|\n"), table);
        assertTrue(table.contains("| JIT compilers | 18.2 % |\n"), table);
        assertTrue(table.contains("| main: like (all of it) | 81.8 % |\n"), table);
        assertTrue(table.contains("| main: like transaction | 45.5 % |\n"), table);
        assertTrue(table.contains("| JDBC (Connector/J) | 45.5 % |\n"), table);
        assertFalse(table.contains("admin: user of a subject"), "a part without samples is left out:\n" + table);
    }
}
