package io.minidrama.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code drama submit --dry-run} checks a submission, or without {@code --media-ids} its paperwork
 * alone, and sends nothing: the base URL points at a closed port, so any call would exit 4.
 */
class DramaSubmitDryRunTest {
    private static String unreachable;

    @BeforeAll
    static void closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            unreachable = "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    private record Run(int exit, String out, String err) {
        JsonObject json() {
            return Json.createReader(new StringReader(out)).readObject();
        }
    }

    /** A valid current-schema submission without media ids, with {@code extra} options added or replacing its values. */
    private static Run submit(String... extra) {
        List<String> args = new ArrayList<>(List.of("drama", "submit", "--name", "我的短剧", "--producer", "某某影视", "--description", "一个好故事",
                "--cover-material", "MAT_COVER", "--qualification-type", "1", "--registration-number", "(沪)网剧审字(2023)第001号",
                "--certificate-material", "MAT_CERT", "--drama-type", "animated", "--copyright-role", "1", "--authorized-material", "MAT_AUTH",
                "--base-url", unreachable, "--appid", "wxcli000000000001", "--secret", "s"));
        for (int i = 0; i < extra.length; i++) {
            int given = args.indexOf(extra[i]);
            if (given >= 0 && i + 1 < extra.length && !extra[i + 1].startsWith("--")) {
                args.set(given + 1, extra[++i]); // replaces the valid value
            } else {
                args.add(extra[i]);
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MiniDramaCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void dryRun_withoutMediaIds_checksThePaperworkAndSendsNothing() {
        Run r = submit("--dry-run");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("the paperwork of 我的短剧 passes every rule that does not depend on the episodes; nothing was sent"), r.out());
    }

    @Test
    void dryRun_withoutMediaIds_printsWhatWasCheckedAsJson() {
        Run r = submit("--dry-run", "--json");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.json().getBoolean("valid"));
        assertEquals("paperwork", r.json().getString("checked"));
    }

    @Test
    void dryRun_whenPaperworkBroken_exitsTwoWithItsRulesAndNotTheMissingMedia() {
        Run r = submit("--dry-run", "--description", "长".repeat(201), "--producer", " ");

        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("description (§6.1)"), r.err());
        assertTrue(r.err().contains("producer (R-14)"), r.err());
        assertFalse(r.err().contains("media_id_list"), r.err());
    }

    @Test
    void dryRun_withMediaIds_checksTheWholeSubmission() {
        Run ok = submit("--dry-run", "--media-ids", "101,102", "--json");
        Run repeated = submit("--dry-run", "--media-ids", "101,101");

        assertEquals(0, ok.exit(), ok.err());
        assertEquals("submission", ok.json().getString("checked"));
        assertEquals(2, repeated.exit(), repeated.out());
        assertTrue(repeated.err().contains("media_id_list[1] (R-14)"), repeated.err());
    }

    @Test
    void submit_withoutMediaIdsAndWithoutDryRun_exitsTwoWithR14() {
        Run r = submit();

        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("media_id_list (R-14)"), r.err());
    }
}
