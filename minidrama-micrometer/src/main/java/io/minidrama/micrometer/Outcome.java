package io.minidrama.micrometer;

import io.minidrama.domain.error.DeadlineExceededException;
import io.minidrama.domain.error.ErrorCode;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.error.UnexpectedResponseException;

import io.micrometer.observation.Observation;

import java.util.Locale;
import java.util.function.Supplier;

/** The low-cardinality tag values of one call's end: outcome and errcode class. */
final class Outcome {
    static final String SUCCESS = "success";
    static final String NONE = "none";

    private Outcome() {
    }

    /**
     * Runs {@code call} inside {@code observation} (not yet started): started, in scope, an error
     * recorded, and stopped with the outcome and errcode-class tags whatever happens.
     */
    static <T> T observe(Observation observation, Supplier<T> call) {
        observation.start();
        Throwable failure = null;
        try (Observation.Scope ignored = observation.openScope()) {
            return call.get();
        } catch (RuntimeException | Error e) {
            failure = e;
            observation.error(e);
            throw e;
        } finally {
            observation.lowCardinalityKeyValue(MiniDramaObservations.OUTCOME, of(failure))
                    .lowCardinalityKeyValue(MiniDramaObservations.ERRCODE, errcodeClass(failure))
                    .stop();
        }
    }

    /** {@code success}, {@code platform_error}, {@code deadline}, {@code transport_error}, ... */
    static String of(Throwable failure) {
        if (failure == null) {
            return SUCCESS;
        }
        if (failure instanceof PlatformException) {
            return "platform_error";
        }
        if (failure instanceof DeadlineExceededException) {
            return "deadline";
        }
        if (failure instanceof TransportException) {
            return "transport_error";
        }
        if (failure instanceof UnexpectedResponseException) {
            return "unexpected_response";
        }
        if (failure instanceof InvalidRequestException) {
            return "invalid_request";
        }
        return "other_error";
    }

    /**
     * The {@link ErrorCode} of a platform error in lower case ({@code too_frequent},
     * {@code unknown} for an undocumented errcode): one of a fixed set, never the raw number;
     * {@code none} for anything else.
     */
    static String errcodeClass(Throwable failure) {
        if (failure instanceof PlatformException p) {
            ErrorCode code = p.errorCode();
            return code.name().toLowerCase(Locale.ROOT);
        }
        return NONE;
    }
}
