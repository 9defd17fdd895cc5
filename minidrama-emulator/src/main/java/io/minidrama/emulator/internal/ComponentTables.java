package io.minidrama.emulator.internal;

import io.minidrama.emulator.internal.FieldSpec.Table;

import java.util.List;
import java.util.Map;

import static io.minidrama.emulator.internal.FieldSpec.Type.INTEGER;
import static io.minidrama.emulator.internal.FieldSpec.Type.STRING;
import static io.minidrama.emulator.internal.FieldSpec.req;

/**
 * The request tables of the component API (API.md section 10; the official pages under
 * {@code oplatform/openApi/ticket-token/} and {@code .../authorization-management/}): every field
 * required, all strings except the list's {@code offset} and {@code count}.
 */
final class ComponentTables {
    private ComponentTables() {
    }

    static final Table COMPONENT_TOKEN = new Table(List.of(req("component_appid", STRING), req("component_appsecret", STRING),
            req("component_verify_ticket", STRING)), Map.of());
    static final Table PRE_AUTH_CODE = new Table(List.of(req("component_appid", STRING)), Map.of());
    static final Table QUERY_AUTH = new Table(List.of(req("component_appid", STRING), req("authorization_code", STRING)), Map.of());
    static final Table AUTHORIZER_TOKEN = new Table(List.of(req("component_appid", STRING), req("authorizer_appid", STRING),
            req("authorizer_refresh_token", STRING)), Map.of());
    static final Table AUTHORIZER_LIST = new Table(List.of(req("component_appid", STRING), req("offset", INTEGER),
            req("count", INTEGER)), Map.of());
    static final Table AUTHORIZER_INFO = new Table(List.of(req("component_appid", STRING), req("authorizer_appid", STRING)), Map.of());
}
