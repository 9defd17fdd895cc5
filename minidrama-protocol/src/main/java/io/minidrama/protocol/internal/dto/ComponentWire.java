package io.minidrama.protocol.internal.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;

import java.util.List;

/**
 * The JSON of the third-party platform's component API (API.md section 10), field for field, with
 * the snake_case naming strategy of the shared {@code Jsonb}.
 */
public final class ComponentWire {
    private ComponentWire() {
    }

    /** {@code api_component_token} request. */
    public static final class ComponentTokenRequest {
        public String componentAppid;
        public String componentAppsecret;
        public String componentVerifyTicket;
    }

    /** {@code api_component_token} response. */
    public static final class ComponentTokenResponse extends Wire.Envelope {
        @JsonbTypeDeserializer(StrictString.class)
        public String componentAccessToken;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long expiresIn;
    }

    /** {@code api_create_preauthcode} request. */
    public static final class PreAuthCodeRequest {
        public String componentAppid;
    }

    /** {@code api_create_preauthcode} response. */
    public static final class PreAuthCodeResponse extends Wire.Envelope {
        @JsonbTypeDeserializer(StrictString.class)
        public String preAuthCode;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long expiresIn;
    }

    /** {@code api_query_auth} request. */
    public static final class QueryAuthRequest {
        public String componentAppid;
        public String authorizationCode;
    }

    /** {@code api_query_auth} response. */
    public static final class QueryAuthResponse extends Wire.Envelope {
        public AuthorizationInfo authorizationInfo;
    }

    /** {@code authorization_info} of {@code api_query_auth} and {@code api_get_authorizer_info}. */
    public static final class AuthorizationInfo {
        @JsonbTypeDeserializer(StrictString.class)
        public String authorizerAppid;
        /** The older pages' example of {@code api_get_authorizer_info} names the appid {@code appid}. */
        @JsonbTypeDeserializer(StrictString.class)
        public String appid;
        @JsonbTypeDeserializer(StrictString.class)
        public String authorizerAccessToken;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long expiresIn;
        @JsonbTypeDeserializer(StrictString.class)
        public String authorizerRefreshToken;
        public List<FuncInfo> funcInfo;
    }

    /** One {@code func_info} entry. */
    public static final class FuncInfo {
        public FuncscopeCategory funcscopeCategory;
    }

    /** {@code funcscope_category}. */
    public static final class FuncscopeCategory {
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long id;
    }

    /** {@code api_authorizer_token} request. */
    public static final class AuthorizerTokenRequest {
        public String componentAppid;
        public String authorizerAppid;
        public String authorizerRefreshToken;
    }

    /** {@code api_authorizer_token} response. */
    public static final class AuthorizerTokenResponse extends Wire.Envelope {
        @JsonbTypeDeserializer(StrictString.class)
        public String authorizerAccessToken;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long expiresIn;
        @JsonbTypeDeserializer(StrictString.class)
        public String authorizerRefreshToken;
    }

    /** {@code api_get_authorizer_list} request. */
    public static final class AuthorizerListRequest {
        public String componentAppid;
        public Integer offset;
        public Integer count;
    }

    /** {@code api_get_authorizer_list} response. */
    public static final class AuthorizerListResponse extends Wire.Envelope {
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long totalCount;
        public List<AuthorizerRow> list;
    }

    /** One row of {@code api_get_authorizer_list}. */
    public static final class AuthorizerRow {
        @JsonbTypeDeserializer(StrictString.class)
        public String authorizerAppid;
        @JsonbTypeDeserializer(StrictString.class)
        public String refreshToken;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long authTime;
    }

    /** {@code api_get_authorizer_info} request. */
    public static final class AuthorizerInfoRequest {
        public String componentAppid;
        public String authorizerAppid;
    }

    /** {@code api_get_authorizer_info} response. */
    public static final class AuthorizerInfoResponse extends Wire.Envelope {
        public AuthorizerAccount authorizerInfo;
        public AuthorizationInfo authorizationInfo;
    }

    /** {@code authorizer_info} of {@code api_get_authorizer_info}: the fields the SDK reads (others are ignored). */
    public static final class AuthorizerAccount {
        @JsonbTypeDeserializer(StrictString.class)
        public String nickName;
        @JsonbTypeDeserializer(StrictString.class)
        public String userName;
        @JsonbTypeDeserializer(StrictString.class)
        public String principalName;
        /** Present for a mini program (the page's field is spelled {@code MiniProgramInfo}). */
        @JsonbProperty("MiniProgramInfo")
        public MiniProgramInfo miniProgramInfo;
    }

    /** {@code MiniProgramInfo}: only its presence is read. */
    public static final class MiniProgramInfo {
    }
}
