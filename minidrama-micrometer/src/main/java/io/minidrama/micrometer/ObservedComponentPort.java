package io.minidrama.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.minidrama.port.AccessToken;
import io.minidrama.port.component.Authorization;
import io.minidrama.port.component.AuthorizerInfo;
import io.minidrama.port.component.AuthorizerPage;
import io.minidrama.port.component.AuthorizerToken;
import io.minidrama.port.component.ComponentPort;
import io.minidrama.port.component.PreAuthCode;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One {@value MiniDramaObservations#COMPONENT_CALL} observation around every call of the delegate,
 * named and tagged by the operation's wire name only: none of the arguments (appids, secret,
 * tickets, tokens, codes) reaches a tag or a name.
 */
final class ObservedComponentPort implements ComponentPort {
    private final ComponentPort delegate;
    private final ObservationRegistry registry;

    ObservedComponentPort(ComponentPort delegate, ObservationRegistry registry) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public AccessToken componentToken(String componentAppId, String componentSecret, String verifyTicket) {
        return observe("api_component_token", () -> delegate.componentToken(componentAppId, componentSecret, verifyTicket));
    }

    @Override
    public PreAuthCode createPreAuthCode(String componentAppId, String componentToken) {
        return observe("api_create_preauthcode", () -> delegate.createPreAuthCode(componentAppId, componentToken));
    }

    @Override
    public Authorization queryAuth(String componentAppId, String componentToken, String authorizationCode) {
        return observe("api_query_auth", () -> delegate.queryAuth(componentAppId, componentToken, authorizationCode));
    }

    @Override
    public AuthorizerToken authorizerToken(String componentAppId, String componentToken, String authorizerAppId, String refreshToken) {
        return observe("api_authorizer_token",
                () -> delegate.authorizerToken(componentAppId, componentToken, authorizerAppId, refreshToken));
    }

    @Override
    public AuthorizerPage authorizerList(String componentAppId, String componentToken, int offset, int count) {
        return observe("api_get_authorizer_list", () -> delegate.authorizerList(componentAppId, componentToken, offset, count));
    }

    @Override
    public AuthorizerInfo authorizerInfo(String componentAppId, String componentToken, String authorizerAppId) {
        return observe("api_get_authorizer_info", () -> delegate.authorizerInfo(componentAppId, componentToken, authorizerAppId));
    }

    private <T> T observe(String wireName, Supplier<T> call) {
        Observation observation = Observation.createNotStarted(MiniDramaObservations.COMPONENT_CALL, registry)
                .contextualName(wireName)
                .lowCardinalityKeyValue(MiniDramaObservations.OPERATION, wireName);
        return Outcome.observe(observation, call);
    }

    @Override
    public String toString() {
        return "Observed[" + delegate + "]";
    }
}
