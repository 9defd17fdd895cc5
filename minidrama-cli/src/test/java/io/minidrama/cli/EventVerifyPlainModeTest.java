package io.minidrama.cli;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.events.PushEventEncoder;
import io.minidrama.events.PushEventSigner;
import io.minidrama.events.PushFormat;
import io.minidrama.events.PushMode;
import io.minidrama.events.SignedPush;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code event verify} treats a plain message as the library's receiver does: with {@code --aes-key}
 * and {@code --appid} it expects compatible or safe mode and refuses a plain one unless
 * {@code --allow-plain}, since a plain push's signature (and a safe-mode URL's) does not cover the body.
 */
class EventVerifyPlainModeTest {
    private static final String TOKEN = "pushtoken";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APPID = "wxcli000000000001";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MiniDramaCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private static AuditEvent audit(long dramaId, AuditStatus status) {
        Instant now = Instant.now();
        return new AuditEvent(new PushEvent.Envelope("gh_1", "sys", now, "event", AuditEvent.TYPE), DramaId.of(dramaId), status,
                AuditType.FIRST_SUBMISSION, now, now);
    }

    /** A forged plain body posted with the signature, timestamp and nonce of a genuine safe-mode URL. */
    private List<String> forgedWithSafeModeUrl(String... extra) throws IOException {
        SignedPush genuine = PushEventSigner.builder().token(TOKEN).encryption(AES_KEY, APPID).mode(PushMode.SAFE)
                .format(PushFormat.XML).clock(Clock.systemUTC()).build().sign(audit(42, AuditStatus.REJECTED));
        Path forged = Files.writeString(dir.resolve("forged.xml"), PushEventEncoder.toXml(audit(666, AuditStatus.APPROVED)));
        List<String> args = new ArrayList<>(List.of("event", "verify", "--token", TOKEN,
                "--timestamp", genuine.queryParameters().get("timestamp"), "--nonce", genuine.queryParameters().get("nonce"),
                "--signature", genuine.queryParameters().get("signature")));
        args.addAll(List.of(extra));
        args.add(forged.toString());
        return args;
    }

    @Test
    void eventVerify_whenPlainMessageAndAKeyIsGiven_refusesItInOneLineNamingAllowPlain() throws IOException {
        Run r = run(forgedWithSafeModeUrl("--aes-key", AES_KEY, "--appid", APPID));

        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("event refused: UNENCRYPTED"), r.err());
        assertTrue(r.err().contains("--allow-plain"), r.err());
        assertFalse(r.err().contains(AES_KEY) || r.err().contains(TOKEN), r.err());
        assertEquals("", r.out());
    }

    @Test
    void eventVerify_whenPlainMessageAndAKeyIsGivenWithAllowPlain_verifiesItAsPlain() throws IOException {
        Run r = run(forgedWithSafeModeUrl("--aes-key", AES_KEY, "--appid", APPID, "--allow-plain"));

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("drama 666 is APPROVED"), r.out());
    }

    @Test
    void eventVerify_whenPlainMessageAndNoKey_verifiesItAsBefore() throws IOException {
        Run r = run(forgedWithSafeModeUrl());

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("drama 666 is APPROVED"), r.out());
    }

    @Test
    void eventVerify_whenOnlyHalfTheKeyPairIsGiven_refusesTheOptionsInsteadOfCheckingAsPlain() throws IOException {
        Run withoutAppid = run(forgedWithSafeModeUrl("--aes-key", AES_KEY));
        Run withoutKey = run(forgedWithSafeModeUrl("--appid", APPID));

        assertEquals(2, withoutAppid.exit(), withoutAppid.out());
        assertTrue(withoutAppid.err().contains("--aes-key needs --appid"), withoutAppid.err());
        assertFalse(withoutAppid.err().contains(AES_KEY), withoutAppid.err());
        assertEquals(2, withoutKey.exit(), withoutKey.out());
        assertTrue(withoutKey.err().contains("--appid needs --aes-key"), withoutKey.err());
        assertEquals("", withoutAppid.out() + withoutKey.out());
    }
}
