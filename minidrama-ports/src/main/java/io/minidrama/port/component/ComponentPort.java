package io.minidrama.port.component;

import io.minidrama.port.AccessToken;

/**
 * The platform's component API ({@code POST /cgi-bin/component/*}, API.md section 10), one method
 * per operation, no caching and no state: {@code ComponentTokens} of the protocol module keeps
 * the state. Implemented over HTTP by the protocol's {@code HttpComponentPort} and in memory by the
 * fake's {@code InMemoryComponentPlatform}.
 *
 * <p>Contract: thread-safe; a non-zero errcode is a
 * {@link io.minidrama.domain.error.PlatformException} with the errcode as sent (61004 IP not
 * whitelisted, 61005 ticket expired, 61006 ticket invalid, 61003 not authorized, 61023 refresh
 * token invalid, 40001 / 42001 component token invalid); messages never contain a secret, a token,
 * a ticket or a refresh token.
 */
public interface ComponentPort {

    /**
     * {@code api_component_token}: a component access token (valid 2 hours) for the latest ticket.
     *
     * @param componentAppId  the platform's appid
     * @param componentSecret the platform's secret
     * @param verifyTicket    the latest {@code component_verify_ticket}
     */
    AccessToken componentToken(String componentAppId, String componentSecret, String verifyTicket);

    /** {@code api_create_preauthcode}: a code for one authorization page. */
    PreAuthCode createPreAuthCode(String componentAppId, String componentToken);

    /** {@code api_query_auth}: exchanges the authorization code a merchant's confirmation produced. */
    Authorization queryAuth(String componentAppId, String componentToken, String authorizationCode);

    /**
     * {@code api_authorizer_token}: a new authorizer access token for {@code refreshToken}, and the
     * refresh token to keep from now on.
     */
    AuthorizerToken authorizerToken(String componentAppId, String componentToken, String authorizerAppId, String refreshToken);

    /**
     * {@code api_get_authorizer_list}: the authorizers and their current refresh tokens.
     *
     * @param offset the first row, from 0
     * @param count  1..500 rows
     */
    AuthorizerPage authorizerList(String componentAppId, String componentToken, int offset, int count);

    /**
     * {@code api_get_authorizer_info}: the account of {@code authorizerAppId} and the permission sets
     * it grants the platform now (61003 when it has not authorized the platform, or revoked it).
     */
    AuthorizerInfo authorizerInfo(String componentAppId, String componentToken, String authorizerAppId);
}
