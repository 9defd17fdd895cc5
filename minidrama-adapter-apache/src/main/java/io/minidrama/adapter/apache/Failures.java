package io.minidrama.adapter.apache;

import io.minidrama.domain.error.DeadlineExceededException;
import io.minidrama.domain.error.TransportException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.UnsupportedSchemeException;
import org.apache.hc.core5.http.NoHttpResponseException;

import javax.net.ssl.SSLHandshakeException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * Maps what HttpClient throws to the SPI's exceptions. Messages are written here, from the failure's
 * type only: HttpClient's own messages may name the target, so they stay in the cause.
 */
final class Failures {
    private Failures() {
    }

    static TransportException of(String operation, Throwable failure, Deadline deadline) {
        if (deadline.expired()) {
            return new DeadlineExceededException(operation, deadline.timeout(), failure);
        }
        if (failure instanceof ConnectTimeoutException) {
            return new TransportException(operation, "no connection within the connect timeout; nothing was sent", false, failure);
        }
        if (failure instanceof UnknownHostException) {
            return new TransportException(operation, "the host name did not resolve; nothing was sent", false, failure);
        }
        if (failure instanceof ConnectException || failure instanceof NoRouteToHostException
                || failure instanceof PortUnreachableException) {
            return new TransportException(operation, "the connection was refused or the host is unreachable ("
                    + name(failure) + "); nothing was sent", false, failure);
        }
        if (failure instanceof UnsupportedSchemeException) {
            return new TransportException(operation, "the URI's scheme is not supported; nothing was sent", false, failure);
        }
        if (failure instanceof SSLHandshakeException) {
            return new TransportException(operation, "the TLS handshake failed (check the trust store and the proxy); "
                    + "nothing was sent", false, failure);
        }
        if (failure instanceof NoHttpResponseException) {
            return new TransportException(operation, "the server closed the connection without answering; "
                    + "it may have processed the request", true, failure);
        }
        if (failure instanceof SocketTimeoutException) {
            return new TransportException(operation, "no data within the response timeout; "
                    + "the server may have processed the request", true, failure);
        }
        return new TransportException(operation, "the exchange failed (" + name(failure)
                + "); the server may have processed the request", true, failure);
    }

    private static String name(Throwable failure) {
        return failure.getClass().getSimpleName();
    }
}
