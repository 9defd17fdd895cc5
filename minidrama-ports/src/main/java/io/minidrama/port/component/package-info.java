/**
 * Third-party platforms ("components", API.md section 10): one service calling the platform for
 * many mini programs with authorizer access tokens. {@link io.minidrama.port.component.ComponentPort}
 * is the platform's component API ({@code /cgi-bin/component/*}); {@link
 * io.minidrama.port.component.ComponentStore} keeps the state that must outlive a process and be
 * shared by instances (the latest verify ticket, the component token, each authorizer's refresh
 * token, granted permission sets, revocation, authorizer tokens); {@link
 * io.minidrama.port.component.ComponentAuthorizationException} is every component-specific
 * refusal.
 */
package io.minidrama.port.component;
