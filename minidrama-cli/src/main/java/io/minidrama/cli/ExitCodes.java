package io.minidrama.cli;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.RuleViolation;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.error.UnexpectedResponseException;
import io.minidrama.events.PushRejectedException;
import io.minidrama.port.CheckpointStorageException;
import io.minidrama.port.component.ComponentAuthorizationException;
import io.minidrama.port.upload.SeasonResult;
import picocli.CommandLine;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * Exit codes: 0 success; 2 invalid input or a refused event (nothing was sent); 3 platform
 * error; 4 transport failure; 5 an answer the SDK cannot map (unreadable, or JSON that does not
 * fit the operation). Expected failures print a message, never a stack trace.
 */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler {
    static final int OK = 0;
    static final int INVALID = 2;
    static final int PLATFORM = 3;
    static final int TRANSPORT = 4;
    static final int UNEXPECTED_RESPONSE = 5;
    static final int INTERNAL = 1;

    /** The JDK's file-system messages are often only the path: the kind of failure comes first. */
    static String describe(UncheckedIOException io) {
        java.io.IOException c = io.getCause();
        String context = io.getMessage() == null || io.getMessage().equals(String.valueOf(c)) ? "" : io.getMessage() + ": ";
        if (!(c instanceof java.nio.file.FileSystemException fs)) {
            return context + (c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage());
        }
        String kind = c instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                : c instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : c instanceof java.nio.file.NotDirectoryException ? "not a directory"
                : c instanceof java.nio.file.FileAlreadyExistsException ? "exists and is not a directory"
                : fs.getReason() != null ? fs.getReason() : c.getClass().getSimpleName();
        return context + kind + " (" + fs.getFile() + (fs.getOtherFile() == null ? "" : ", " + fs.getOtherFile()) + ")";
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        java.io.PrintWriter err = Output.escaping(cmd.getErr());
        Throwable e = ex;
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        if (e.getCause() instanceof java.io.IOException io && (e instanceof InvalidRequestException
                || e instanceof CheckpointStorageException s && s.uploadInProgress().isEmpty())) {
            // the library's typed error for a file or folder it could not read or write: printed as before
            err.println("I/O error: " + describe(new UncheckedIOException(io)));
            return INVALID;
        }
        if (e instanceof InvalidRequestException invalid) {
            err.println("invalid input, nothing was sent:");
            for (RuleViolation v : invalid.violations()) {
                err.println("  " + v.field() + " (" + v.rule().id() + "): rejected " + v.rejected() + ": " + v.message());
            }
            return INVALID;
        }
        if (e instanceof PushRejectedException rejected) {
            err.println("event refused: " + rejected.getMessage());
            return INVALID;
        }
        if (e instanceof SeasonResult.IncompleteSeasonException incomplete) {
            err.println(incomplete.getMessage());
            List<RuntimeException> failures = incomplete.result().failed().stream().map(f -> f.failure().orElse(null)).toList();
            if (failures.stream().allMatch(f -> f instanceof TransportException)) {
                return TRANSPORT;
            }
            return failures.stream().allMatch(f -> f instanceof TransportException || f instanceof UnexpectedResponseException)
                    ? UNEXPECTED_RESPONSE : PLATFORM;
        }
        if (e instanceof ComponentAuthorizationException refused) {
            // the third-party platform's own refusals (revoked, set not granted, ticket...): usually nothing was sent
            err.println("third-party platform: " + refused.errmsg() + " (" + refused.reason().name().toLowerCase(java.util.Locale.ROOT)
                    + (refused.rawErrcode() > 0 ? ", errcode " + refused.rawErrcode() : "") + ", " + refused.operation() + ")");
            return PLATFORM;
        }
        if (e instanceof PlatformException platform) {
            err.println("platform error: errcode " + platform.rawErrcode() + ", errmsg \"" + platform.errmsg() + "\" ("
                    + platform.operation() + (platform.httpStatus() > 0 ? ", HTTP " + platform.httpStatus() : "") + ")");
            return PLATFORM;
        }
        if (e instanceof TransportException transport) {
            err.println("transport failure: " + transport.getMessage());
            return TRANSPORT;
        }
        if (e instanceof UnexpectedResponseException unexpected) {
            err.println("unexpected response: " + unexpected.getMessage()
                    + (unexpected.kind() == UnexpectedResponseException.Kind.UNREADABLE && unexpected.ambiguous() ? " (it may have been damaged on its way: try again)"
                    : " (the platform's answer does not fit this SDK: report it; trying again gives the same answer)"));
            return UNEXPECTED_RESPONSE;
        }
        if (e instanceof CheckpointStorageException storage) {
            // Exit 1 when the upload is open on the platform: "nothing was sent" (2) would be false.
            err.println(storage.getMessage());
            return storage.uploadInProgress().isPresent() ? INTERNAL : INVALID;
        }
        if (e instanceof UncheckedIOException io) {
            err.println("I/O error: " + describe(io));
            return INVALID;
        }
        if (e instanceof IllegalArgumentException iae) {
            err.println("invalid input: " + iae.getMessage());
            return INVALID;
        }
        err.println("internal error: " + e);
        e.printStackTrace(err);
        return INTERNAL;
    }
}
