package io.minidrama.protocol.internal;

import io.minidrama.protocol.internal.dto.Wire;
import io.minidrama.domain.error.FileTooLargeException;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.UnexpectedResponseException;
import io.minidrama.port.PlatformOperation;

import java.nio.charset.StandardCharsets;

/**
 * Turns a response into its DTO or a typed error: HTTP 502 from an upload →
 * {@link FileTooLargeException}; non-zero errcode → {@link PlatformException}; a body that is not
 * well-formed JSON → {@link UnexpectedResponseException} of kind {@code UNREADABLE}; well-formed
 * JSON that does not fit the operation → kind {@code UNMAPPABLE}. Never a NullPointerException.
 */
public final class ResponseReader {
    private ResponseReader() {
    }

    /**
     * Reads {@code response} as {@code type}.
     *
     * @param operation the operation name for errors
     * @param upload    whether HTTP 502 means "file too large"
     * @param secret    a value to redact from body snippets (the token), may be empty
     */
    public static <R extends Wire.Envelope> R read(String operation, boolean upload, Exchange.Response response,
                                                   Class<R> type, String secret) {
        int status = response.status();
        if (upload && status == 502) {
            throw new FileTooLargeException(operation);
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        // 5xx and 2xx: the server may have acted; 4xx means it refused the request as sent.
        boolean ambiguous = status < 400 || status >= 500;
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new UnexpectedResponseException(operation, status, "empty response instead of JSON", "", ambiguous);
        }
        if (trimmed.charAt(0) != '{') {
            String kind = trimmed.charAt(0) == '<' ? "an HTML or XML page" : "a non-JSON body";
            String ct = response.contentType().isEmpty() ? "" : " (Content-Type " + response.contentType() + ")";
            throw new UnexpectedResponseException(operation, status, "expected JSON, got " + kind + ct,
                    Redaction.snippet(trimmed, secret), ambiguous);
        }
        R dto;
        try {
            dto = Json.fromJson(trimmed, type);
        } catch (Json.MalformedJson e) {
            throw new UnexpectedResponseException(operation, status, "malformed or truncated JSON",
                    Redaction.snippet(trimmed, secret), ambiguous);
        } catch (RuntimeException e) {
            // Well-formed JSON the binder refused (JsonbException, or a binder's own type): a wrong
            // type in a field. The binder's message is left out: it may quote a value.
            throw new UnexpectedResponseException(operation, status, "the JSON does not fit the " + operation
                    + " response (a field of the wrong type)", Redaction.snippet(trimmed, secret), ambiguous,
                    UnexpectedResponseException.Kind.UNMAPPABLE);
        }
        if (dto == null) {
            throw new UnexpectedResponseException(operation, status, "JSON null instead of an object",
                    Redaction.snippet(trimmed, secret), ambiguous);
        }
        int errcode = dto.errcode == null ? 0 : dto.errcode;
        if (errcode != 0) {
            // 61007 names the third-party permission set the operation needs (API.md §10)
            int permissionSet = PlatformOperation.find(operation).map(PlatformOperation::permissionSet).orElse(0);
            throw new PlatformException(operation, errcode, dto.errmsg == null ? "" : Redaction.clean(dto.errmsg, secret), status, permissionSet);
        }
        if (status < 200 || status >= 300) {
            throw new UnexpectedResponseException(operation, status, "HTTP error status without an errcode",
                    Redaction.snippet(trimmed, secret), ambiguous);
        }
        return dto;
    }

    /** A success response that lacks a field the operation needs. */
    public static UnexpectedResponseException missing(String operation, int status, String field) {
        return new UnexpectedResponseException(operation, status, "the success response lacks " + field, "", true,
                UnexpectedResponseException.Kind.UNMAPPABLE);
    }
}
