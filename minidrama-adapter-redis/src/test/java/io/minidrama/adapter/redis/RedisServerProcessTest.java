package io.minidrama.adapter.redis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedisServerProcessTest {

    @Test
    void locate_withoutRedisOnThePath_runsTheServerEmbeddedRedisShips(@TempDir Path emptyDir) throws Exception {
        Path binary = RedisServerProcess.locate(emptyDir.toString());

        assertFalse(binary.startsWith(emptyDir));
        assertTrue(Files.isExecutable(binary), binary + " is executable");
        Process version = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(version.waitFor(10, TimeUnit.SECONDS));
        assertTrue(out.startsWith("Redis server v="), out);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the PATH entry is a POSIX executable file")
    void locate_withRedisOnThePath_prefersIt(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path onPath = Files.writeString(bin.resolve("redis-server"), "#!/bin/sh\n");
        assertTrue(onPath.toFile().setExecutable(true));

        assertEquals(onPath, RedisServerProcess.locate(empty + File.pathSeparator + bin));
    }
}
