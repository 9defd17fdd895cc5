package io.minidrama.port.component;

import io.minidrama.port.AccessToken;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The state of a third-party platform that must outlive a process and be shared by every
 * instance of the service: the latest verify ticket, the component token, and per authorizer its
 * {@link AuthorizerGrant} (refresh token, permission sets, revocation) and its current access token.
 * Every key is namespaced by the component appid and, for authorizer state, the authorizer appid.
 *
 * <p>Contract (checked by the contract suite in the test kit, {@code ComponentStoreContract}):
 * <ul>
 *   <li>thread-safe, and shared state for every instance given the same backing store;</li>
 *   <li>{@link #putTicket}: the newest ticket wins; an older one arriving late is ignored;</li>
 *   <li>grants (refresh tokens) never expire by themselves; tokens may expire with their expiry;</li>
 *   <li>{@code remove...Token(.., rejected)} removes only the token given, never a newer one;</li>
 *   <li>{@link #locked} runs its action while no other caller (in any instance) holds the same
 *       component appid and name: one refresh at a time per appid.</li>
 * </ul>
 */
public interface ComponentStore {

    /** Keeps {@code ticket} unless a newer one is held. */
    void putTicket(String componentAppId, VerifyTicket ticket);

    /** The newest ticket received. */
    Optional<VerifyTicket> ticket(String componentAppId);

    /** The component access token held. */
    Optional<AccessToken> componentToken(String componentAppId);

    /** Keeps the component access token. */
    void putComponentToken(String componentAppId, AccessToken token);

    /** Forgets the component token if it is still {@code rejected}. */
    void removeComponentToken(String componentAppId, AccessToken rejected);

    /** What is known about an authorizer. */
    Optional<AuthorizerGrant> grant(String componentAppId, String authorizerAppId);

    /** Keeps what is known about an authorizer, durably. */
    void putGrant(String componentAppId, String authorizerAppId, AuthorizerGrant grant);

    /** The appids of every authorizer with a grant, revoked ones included. */
    List<String> authorizers(String componentAppId);

    /** The authorizer access token held. */
    Optional<AccessToken> authorizerToken(String componentAppId, String authorizerAppId);

    /** Keeps the authorizer access token. */
    void putAuthorizerToken(String componentAppId, String authorizerAppId, AccessToken token);

    /** Forgets the authorizer token if it is still {@code rejected}. */
    void removeAuthorizerToken(String componentAppId, String authorizerAppId, AccessToken rejected);

    /**
     * Runs {@code action} holding the lock {@code name} of {@code componentAppId} (such as an
     * authorizer appid, or {@code "component"} for the component token), and returns its result.
     *
     * @throws io.minidrama.port.component.ComponentAuthorizationException of reason
     *         {@code LOCK_TIMEOUT} when the lock could not be taken in time
     */
    <T> T locked(String componentAppId, String name, Supplier<T> action);
}
