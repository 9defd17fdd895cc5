/**
 * Push events: verification (signatures, freshness, appid), AES decryption and decoding of
 * {@code secvod_upload_event} and {@code secvod_audit_event} (API.md section 5), plus the signing
 * side used by fakes and emulators.
 *
 * <p>Every public type is immutable and thread-safe unless stated otherwise. No method accepts
 * {@code null}: a {@code null} argument throws {@link java.lang.NullPointerException}. Every
 * exception thrown is unchecked; refused pushes throw {@link io.minidrama.events.PushRejectedException}.
 */
package io.minidrama.events;
