package io.minidrama.testkit.transport;

import io.minidrama.adapter.jdkhttp.JdkHttpTransport;
import io.minidrama.protocol.spi.HttpTransport;

import java.time.Duration;

/**
 * The JDK's {@code java.net.http} transport, with its own client, passes the transport contract.
 * (Run here, not in minidrama-adapter-jdkhttp: the testkit depends on that module, so it cannot
 * depend on the testkit without a cycle.)
 */
class JdkHttpTransportContractTest extends HttpTransportContract {
    @Override
    protected HttpTransport newTransport(Duration connectTimeout) {
        return JdkHttpTransport.builder().connectTimeout(connectTimeout).build();
    }
}
