package io.minidrama.cli;

import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.domain.event.UnknownEvent;
import io.minidrama.domain.event.UploadEvent;
import io.minidrama.events.PushEventEncoder;
import io.minidrama.events.PushEventReceiver;
import io.minidrama.events.PushRejectedException;
import jakarta.json.JsonObject;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code minidrama event verify}: checks and decodes a pushed message offline. */
@Command(mixinStandardHelpOptions = true, name = "event", description = "Push events.")
final class EventCommand {
    @Spec
    CommandSpec spec;

    static final class Signature {
        @Option(names = "--signature", required = true, description = "Plain mode: the signature query parameter") String signature;
        @Option(names = "--msg-signature", required = true, description = "Safe/compatible mode: the msg_signature query parameter") String msgSignature;
    }

    @Command(mixinStandardHelpOptions = true, name = "verify", description = "Verify and decode a pushed message (exit 2 when refused).")
    int verify(@Option(names = "--token", required = true, description = "The push Token from the console") String token,
               @Option(names = "--timestamp", required = true) String timestamp,
               @Option(names = "--nonce", required = true) String nonce,
               @ArgGroup(exclusive = true, multiplicity = "1") Signature signature,
               @Option(names = "--aes-key", description = "EncodingAESKey (safe/compatible mode)") String aesKey,
               @Option(names = "--appid", description = "Your appid (safe/compatible mode)") String appId,
               @Option(names = "--allow-plain", description = "With --aes-key and --appid, still accept a plain message "
                       + "(--signature). Weakens the check: a plain push's signature does not cover the body") boolean allowPlain,
               @Option(names = "--max-age", defaultValue = "5m", paramLabel = "DURATION",
                       description = "Refuse timestamps older than this: " + DurationConverter.FORMS + " (default ${DEFAULT-VALUE})") Duration maxAge,
               @Option(names = "--json", description = "Print the event as one JSON object") boolean json,
               @Parameters(paramLabel = "FILE|-", description = "The message body, or - for standard input") String file) {
        if ((aesKey == null) != (appId == null)) {
            // Half a key pair would silently verify as plain mode, the weaker check.
            throw new ParameterException(spec.commandLine(), (aesKey == null ? "--appid" : "--aes-key")
                    + " needs " + (aesKey == null ? "--aes-key" : "--appid") + ": safe and compatible mode need both");
        }
        PushEventReceiver.Builder b = PushEventReceiver.builder().token(token).maxAge(maxAge).allowPlainMode(allowPlain);
        if (aesKey != null) {
            b.encryption(aesKey, appId); // as a webhook configured with them: plain messages refused unless --allow-plain
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("timestamp", timestamp);
        query.put("nonce", nonce);
        if (signature.msgSignature != null) {
            query.put("msg_signature", signature.msgSignature);
            query.put("encrypt_type", "aes");
        } else {
            query.put("signature", signature.signature);
        }
        PushEventReceiver receiver = b.build();
        PushEvent event;
        try {
            event = receiver.receive(query, read(file, receiver.maxBodyBytes()));
        } catch (PushRejectedException e) {
            if (e.reason() == PushRejectedException.Reason.UNENCRYPTED) {
                throw new PushRejectedException(e.reason(), "the message is plain (--signature) but --aes-key and --appid "
                        + "mean compatible or safe mode, whose body must be encrypted: a plain push's signature does not "
                        + "cover the body. Give --msg-signature and the encrypted body, or --allow-plain to accept it anyway");
            }
            throw e;
        }
        JsonObject obj = jakarta.json.Json.createReader(new StringReader(PushEventEncoder.toJson(event))).readObject();
        new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), json).result(obj, describe(event));
        return ExitCodes.OK;
    }

    private static String describe(PushEvent event) {
        if (event instanceof UploadEvent u) {
            return "verified upload event: " + (u.succeeded() ? "media_id " + u.mediaIdValue() + " uploaded"
                    : "upload failed, errcode " + u.errcode() + " " + u.errmsg())
                    + (u.sourceContext().isEmpty() ? "" : ", source_context " + u.sourceContext());
        }
        if (event instanceof AuditEvent a) {
            return "verified audit event: drama " + a.dramaId() + " is " + a.status() + " (" + a.auditType() + ")";
        }
        UnknownEvent x = (UnknownEvent) event;
        return "verified event of another type: " + x.rawType();
    }

    /**
     * At most {@code limit + 1} bytes, as a webhook reads them: the receiver refuses a larger body
     * without this command holding all of it, and decodes the bytes as strict UTF-8.
     */
    private static byte[] read(String file, int limit) {
        try {
            if ("-".equals(file)) {
                return System.in.readNBytes(limit + 1);
            }
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                return in.readNBytes(limit + 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
