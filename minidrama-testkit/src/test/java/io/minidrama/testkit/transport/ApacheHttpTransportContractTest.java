package io.minidrama.testkit.transport;

import io.minidrama.adapter.apache.ApacheHttpTransport;
import io.minidrama.protocol.spi.HttpTransport;

import java.time.Duration;

/**
 * Apache HttpClient 5, with its own client, passes the transport contract. (Run here, not in
 * minidrama-adapter-apache: the testkit's tests depend on the adapter, so the adapter cannot depend
 * on the testkit without a cycle.)
 */
class ApacheHttpTransportContractTest extends HttpTransportContract {
    @Override
    protected HttpTransport newTransport(Duration connectTimeout) {
        return ApacheHttpTransport.builder().connectTimeout(connectTimeout).build();
    }
}
