package io.minidrama.testkit.component;

import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.emulator.WireProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator takes the component token from {@code access_token}, the name the current official
 * pages give it, and records the older {@code component_access_token} as a wire problem.
 */
class EmulatorComponentTokenParameterTest {
    private final MiniDramaEmulator emulator = MiniDramaEmulator.builder().component("wxcomponent0001", "component-secret-0001").start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        emulator.close();
    }

    private String post(String op, String query, String body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/cgi-bin/component/" + op + query))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    private String componentToken() throws Exception {
        String ticket = emulator.component().issueTicket();
        String answer = post("api_component_token", "", "{\"component_appid\":\"wxcomponent0001\","
                + "\"component_appsecret\":\"component-secret-0001\",\"component_verify_ticket\":\"" + ticket + "\"}");
        return answer.replaceAll(".*\"component_access_token\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void accessToken_isAccepted_withoutAWireProblem() throws Exception {
        String answer = post("api_create_preauthcode", "?access_token=" + componentToken(), "{\"component_appid\":\"wxcomponent0001\"}");

        assertTrue(answer.contains("pre_auth_code"), answer);
        assertEquals(List.of(), emulator.wireProblems());
    }

    @Test
    void componentAccessToken_isAWireProblem_andCountsAsNoToken() throws Exception {
        for (String op : List.of("api_create_preauthcode", "api_authorizer_token", "api_get_authorizer_info")) {
            emulator.clearWireProblems();
            String body = switch (op) {
                case "api_create_preauthcode" -> "{\"component_appid\":\"wxcomponent0001\"}";
                case "api_authorizer_token" -> "{\"component_appid\":\"wxcomponent0001\",\"authorizer_appid\":\"wxa\","
                        + "\"authorizer_refresh_token\":\"r\"}";
                default -> "{\"component_appid\":\"wxcomponent0001\",\"authorizer_appid\":\"wxa\"}";
            };

            String answer = post(op, "?component_access_token=" + componentToken(), body);

            assertTrue(answer.contains("\"errcode\":41001"), op + ": " + answer);
            List<WireProblem> problems = emulator.wireProblems();
            assertEquals(1, problems.size(), op + ": " + problems);
            assertEquals("?component_access_token", problems.get(0).field());
        }
    }
}
