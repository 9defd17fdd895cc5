package io.minidrama.protocol.internal;

import io.minidrama.domain.error.UnexpectedResponseException;
import io.minidrama.protocol.internal.dto.Wire;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Found by the response fuzz test: Parsson 1.1.7 never returns when Yasson skips an unknown value the input ends inside. */
class TruncatedJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"errcode\":0,\"new_field\":[1,2", "{\"errcode\":0,\"new_field\":[", "{\"errcode\":0,\"new_field\":[{\"a\":1}",
            "{\"errcode\":0,\"new_field\":{\"a\":[1", "{\"errcode\":0,\"errmsg\":\"ok\",\"drama_info\":{\"actor_list\":{\"actor\":[{\"name\":\"x\""})
    void read_whenTheBodyEndsInsideAnUnknownField_failsTypedInsteadOfHanging(String body) {
        Exchange.Response response = new Exchange.Response(200, "application/json", body.getBytes(StandardCharsets.UTF_8));

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(UnexpectedResponseException.class,
                () -> ResponseReader.read("getdrama", false, response, Wire.GetDramaResponse.class, "")));
    }
}
