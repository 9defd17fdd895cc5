package io.minidrama.testkit.emulator;

import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.port.PlatformOperation;
import io.minidrama.testkit.MiniDramaTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The emulator routes every operation of the public catalogue at the catalogue's path, and nothing else. */
@MiniDramaTest(emulator = true)
class EmulatorCatalogueRoutingTest {
    MiniDramaEmulator emulator;
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @BeforeEach
    void token() throws Exception {
        token = json(post("/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"appid\":\"wx-any\",\"secret\":\"any\"}"))
                .getString("access_token");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(emulator.baseUrl().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static java.util.List<PlatformOperation> operations() {
        return java.util.List.of(PlatformOperation.values());
    }

    private static JsonObject json(HttpResponse<String> r) {
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    @ParameterizedTest
    @MethodSource("operations")
    void everyCatalogueOperation_isRouted(PlatformOperation op) throws Exception {
        assertEquals("POST", op.httpMethod());

        HttpResponse<String> r = post(op.path() + "?access_token=" + token, "{}");

        assertNotEquals(404, r.statusCode(), op.path() + " answered " + r.body());
        if (r.statusCode() == 200) {
            assertNotEquals(40066, json(r).getInt("errcode", 0), op.path() + " answered " + r.body());
        }
    }

    @Test
    void aPathOutsideTheCatalogue_isNotRouted() throws Exception {
        HttpResponse<String> r = post(PlatformOperation.PATH_PREFIX + "nosuchop?access_token=" + token, "{}");

        assertEquals(404, r.statusCode());
        assertEquals(40066, json(r).getInt("errcode"));
    }
}
