package io.minidrama.adapter.apache;

import io.minidrama.protocol.spi.HttpTransport;
import io.minidrama.testkit.transport.HttpTransportContract;

import java.time.Duration;

/** Apache HttpClient 5, with its own client, passes the transport contract. */
class ApacheHttpTransportContractTest extends HttpTransportContract {
    @Override
    protected HttpTransport newTransport(Duration connectTimeout) {
        return ApacheHttpTransport.builder().connectTimeout(connectTimeout).build();
    }
}
