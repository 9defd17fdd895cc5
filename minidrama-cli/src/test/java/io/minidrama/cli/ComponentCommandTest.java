package io.minidrama.cli;

import io.minidrama.emulator.MiniDramaEmulator;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code minidrama component ...} and an existing command run through a third-party platform, against
 * the emulator speaking the component flow, with the platform's state in a directory store shared by
 * the runs (as successive runs of the tool share it).
 */
class ComponentCommandTest {
    private static final String COMPONENT = "wxcomponentcli01";
    private static final String SECRET = "component-secret-cli-do-not-print";

    @TempDir
    Path dir;
    private MiniDramaEmulator emulator;
    private String ticket;

    @BeforeEach
    void start() {
        emulator = MiniDramaEmulator.builder().component(COMPONENT, SECRET).start();
        ticket = emulator.component().issueTicket();
    }

    @AfterEach
    void stop() {
        try {
            assertEquals(List.of(), emulator.wireProblems(), "the tool sent what the pages do not document");
        } finally {
            emulator.close();
        }
    }

    private record Run(int exit, String out, String err) {
        JsonObject json() {
            return jakarta.json.Json.createReader(new StringReader(out)).readObject();
        }
    }

    /** Runs the tool with the platform's options (the secret through its option, the ticket given once). */
    private Run component(boolean withTicket, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--base-url", emulator.baseUrl().toString(), "--component-appid", COMPONENT, "--component-secret", SECRET,
                "--component-store", dir.resolve("store").toString()));
        if (withTicket) {
            all.addAll(List.of("--component-ticket", ticket));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MiniDramaCli.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        Run r = new Run(exit, out.toString(), err.toString());
        for (String secret : secrets()) {
            assertFalse(r.out().contains(secret) || r.err().contains(secret), "a secret printed: " + r);
        }
        return r;
    }

    private List<String> secrets() {
        List<String> s = new ArrayList<>(emulator.component().issuedSecrets());
        s.removeIf(x -> x.startsWith("preauthcode@@@"));   // the pre-auth code is the URL's purpose
        s.add(SECRET);
        return s;
    }

    private int calls(String op) {
        return emulator.component().calls().getOrDefault(op, 0);
    }

    @Test
    void authorizeUrl_carriesThePageOptions_andASecondRunReusesTheStoredComponentToken() {
        Run r = component(true, "component", "authorize-url", "--redirect-uri", "https://service.example/authorized?x=1",
                "--biz-appid", "wxauthorizer01", "--permission-sets", "157,153");

        assertEquals(0, r.exit(), r.err());
        String url = r.out().strip();
        assertTrue(url.startsWith("https://mp.weixin.qq.com/cgi-bin/componentloginpage?component_appid=" + COMPONENT
                + "&pre_auth_code=preauthcode"), url);
        assertTrue(url.contains("&redirect_uri=https%3A%2F%2Fservice.example%2Fauthorized%3Fx%3D1&auth_type=2&biz_appid=wxauthorizer01"
                + "&category_id_list=153%7C157"), url);

        Run json = component(false, "component", "authorize-url", "--redirect-uri", "https://service.example/a", "--auth-type", "3",
                "--permission-sets", "all", "--json");

        assertEquals(0, json.exit(), json.err());
        String second = json.json().getString("authorize_url");
        assertTrue(second.endsWith("&auth_type=3"), second);
        assertEquals(1, calls("api_component_token"), "the component token was kept in the store");
        assertEquals(2, calls("api_create_preauthcode"));
    }

    @Test
    void authorizeUrl_badOptions_areListedTogether_beforeAnyCall() {
        Run r = component(true, "component", "authorize-url", "--redirect-uri", "not a url", "--auth-type", "7",
                "--permission-sets", "153,x");

        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("--redirect-uri") && r.err().contains("--auth-type") && r.err().contains("--permission-sets"), r.err());
        assertEquals(Map.of(), emulator.component().calls());
    }

    @Test
    void withoutTheComponentSecret_nothingIsSent_andTheMessageSaysWhereToPutIt() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MiniDramaCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "media", "list", "--appid", "wxauthorizer01",
                "--base-url", emulator.baseUrl().toString(), "--component-appid", COMPONENT, "--component-store", dir.toString());

        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("MINIDRAMA_COMPONENT_SECRET"), err.toString());
        assertEquals(Map.of(), emulator.component().calls());
    }

    @Test
    void authorize_thenAuthorizers_listsEveryAuthorizerWithItsSets_readingUnknownOnesFromThePlatform() {
        String code = emulator.component().authorize("wxauthorizer01", Set.of(153, 157));
        emulator.component().authorize("wxauthorizer02", Set.of(157));   // its code never reached the tool

        Run authorized = component(true, "component", "authorize", code);
        Run table = component(false, "component", "authorizers");
        Run json = component(false, "component", "authorizers", "--json");

        assertEquals(0, authorized.exit(), authorized.err());
        assertTrue(authorized.out().contains("authorized wxauthorizer01: permission sets [153, 157]"), authorized.out());
        assertEquals(0, table.exit(), table.err());
        String[] lines = table.out().strip().split("\\R");
        assertEquals(3, lines.length, table.out());
        assertTrue(lines[1].startsWith("wxauthorizer01") && lines[1].contains("153,157") && lines[1].endsWith("ok"), lines[1]);
        assertTrue(lines[2].startsWith("wxauthorizer02") && lines[2].contains("157") && lines[2].contains("missing [153]"), lines[2]);
        JsonArray list = json.json().getJsonArray("authorizers");
        assertEquals(2, list.size());
        JsonObject second = list.getJsonObject(1);
        assertEquals("wxauthorizer02", second.getString("authorizer_appid"));
        assertEquals(List.of(157), second.getJsonArray("permission_sets").getValuesAs(jakarta.json.JsonNumber.class).stream()
                .map(jakarta.json.JsonNumber::intValue).toList());
        assertEquals(153, second.getJsonArray("missing_permission_sets").getInt(0));
        assertEquals(2, calls("api_get_authorizer_info"), "only the authorizer the store does not know, once per listing");
    }

    @Test
    void anExistingCommand_runsForTheAppid_throughThePlatform_withTheAuthorizersOwnToken() throws Exception {
        String code = emulator.component().authorize("wxauthorizer01", Set.of(153, 157));
        assertEquals(0, component(true, "component", "authorize", code).exit());

        Run list = component(false, "media", "list", "--appid", "wxauthorizer01", "--json");
        Path ep = Files.write(dir.resolve("ep1.mp4"), new byte[200_000]);
        Run upload = component(false, "upload", ep.toString(), "--name", "第三方平台 - 第1集", "--json",
                "--appid", "wxauthorizer01", "--checkpoint-dir", dir.resolve("cp").toString());

        assertEquals(0, list.exit(), list.err());
        assertEquals(0, upload.exit(), upload.err());
        assertTrue(upload.json().getJsonNumber("media_id").longValue() > 0, upload.out());
        assertTrue(emulator.component().operationCallsByAuthorizer().get("wxauthorizer01") >= 2,
                "the calls used wxauthorizer01's token: " + emulator.component().operationCallsByAuthorizer());
        assertEquals(0, emulator.component().renewals("wxauthorizer01"), "the token from api_query_auth was kept in the store");
    }

    @Test
    void aRevokedApp_failsWithAClearError_andTheNextRunFailsFast_withoutANetworkCall() {
        String code = emulator.component().authorize("wxauthorizer01", Set.of(153, 157));
        assertEquals(0, component(true, "component", "authorize", code).exit());
        emulator.component().revoke("wxauthorizer01");

        Run first = component(false, "media", "list", "--appid", "wxauthorizer01");
        Map<String, Integer> before = emulator.component().calls();
        Run second = component(false, "media", "list", "--appid", "wxauthorizer01");

        assertEquals(3, first.exit(), first.err());
        assertTrue(first.err().contains("wxauthorizer01 revoked this third-party platform"), first.err());
        assertEquals(3, second.exit(), second.err());
        assertTrue(second.err().contains("revoked"), second.err());
        assertEquals(before, emulator.component().calls(), "the revocation was kept: no component call");
        assertNull(emulator.component().operationCallsByAuthorizer().get("wxauthorizer01"));
    }

    @Test
    void aMissingPermissionSet_isNamed_withoutACall() {
        String code = emulator.component().authorize("wxauthorizer02", Set.of(157));
        assertEquals(0, component(true, "component", "authorize", code).exit());

        Run r = component(false, "media", "list", "--appid", "wxauthorizer02");

        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("needs permission set 153, which mini program wxauthorizer02 did not grant"), r.err());
        assertNull(emulator.component().operationCallsByAuthorizer().get("wxauthorizer02"));
    }
}
