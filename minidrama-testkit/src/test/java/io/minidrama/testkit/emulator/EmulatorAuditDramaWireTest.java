package io.minidrama.testkit.emulator;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.testkit.MiniDramaFixtures;
import io.minidrama.testkit.MiniDramaTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code auditdrama} on the wire as another language would send it: the fields announced for
 * 2026-07-28 (API.md §9.7) with their types and caps, and a resubmission of a finally rejected
 * drama (R-19 as corrected).
 */
@MiniDramaTest(emulator = true, clockStart = "2025-03-01T00:00:00Z")
class EmulatorAuditDramaWireTest {
    MiniDramaEmulator emulator;
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;
    private long episode;

    @BeforeEach
    void setUp() throws Exception {
        token = call("/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"appid\":\"wx1\",\"secret\":\"s\"}")
                .getString("access_token");
        episode = emulator.platform().uploadSingle(MiniDramaFixtures.anEpisode(1).build()).value();
    }

    private JsonObject call(String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(emulator.baseUrl().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    private JsonObject auditdrama(String extra, int proofsOfProduction) throws Exception {
        String proofs = IntStream.rangeClosed(1, proofsOfProduction).mapToObj(i -> "\"proof" + i + "\"").collect(Collectors.joining(","));
        return call("/wxa/sec/vod/auditdrama?access_token=" + token, """
                {"name":"我的短剧","media_count":1,"media_id_list":[%d],"producer":"某某影视有限公司","description":"一个关于梦想的故事",
                 "cover_material_id":"cover","qualification_type":2,"cost_of_production":90,
                 "cost_commitment_letter_material_id":"letter","drama_type":1,
                 "copyright":{"copyright_role":1,"apply_for_copyright_protection":1,"copyright_verification":"1",
                              "proof_of_production":[%s]},
                 "content_declared":1%s}""".formatted(episode, proofs, extra));
    }

    private static String publicationProofs(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "\"pub" + i + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void auditdrama_withTheAnnouncedFieldsAndTenProofsOfProduction_isAccepted() throws Exception {
        JsonObject r = auditdrama(",\"ai_software_ownership_proof\":\"ai-proof\",\"other_platform_publication_proof\":" + publicationProofs(4), 10);

        assertEquals(0, r.getInt("errcode"), r.toString());
        assertTrue(r.getJsonNumber("drama_id").longValue() > 0, r.toString());
    }

    @Test
    void auditdrama_declaringAiContentWithoutAnOwnershipProof_isAccepted() throws Exception {
        assertEquals(0, auditdrama("", 1).getInt("errcode"));
    }

    @Test
    void auditdrama_withElevenProofsOfProduction_isRefusedWith47003() throws Exception {
        JsonObject r = auditdrama("", 11);

        assertEquals(47003, r.getInt("errcode"));
        assertTrue(r.getString("errmsg").contains("proof_of_production"), r.toString());
    }

    @Test
    void auditdrama_withFivePublicationProofs_isRefusedWith47003() throws Exception {
        JsonObject r = auditdrama(",\"other_platform_publication_proof\":" + publicationProofs(5), 1);

        assertEquals(47003, r.getInt("errcode"));
        assertTrue(r.getString("errmsg").contains("other_platform_publication_proof"), r.toString());
    }

    @Test
    void auditdrama_withPublicationProofsThatAreNotStrings_isRefusedWith47003() throws Exception {
        JsonObject r = auditdrama(",\"other_platform_publication_proof\":[1,2]", 1);

        assertEquals(47003, r.getInt("errcode"));
    }

    @Test
    void auditdrama_withAnOwnershipProofThatIsNotOneString_isRefusedWith47003() throws Exception {
        JsonObject list = auditdrama(",\"ai_software_ownership_proof\":[\"a\",\"b\"]", 1);
        JsonObject number = auditdrama(",\"ai_software_ownership_proof\":42", 1);

        assertEquals(47003, list.getInt("errcode"));
        assertEquals(47003, number.getInt("errcode"));
        assertTrue(number.getString("errmsg").contains("ai_software_ownership_proof"), number.toString());
    }

    @Test
    void auditdrama_resubmittingAFinallyRejectedDrama_isRefusedWith10093011() throws Exception {
        DramaId id = emulator.platform().submit(MiniDramaFixtures.aDrama(List.of(MediaId.of(episode))).build());
        emulator.control().rejectDrama(id, "内容违规", List.of());

        JsonObject r = call("/wxa/sec/vod/auditdrama?access_token=" + token, "{\"drama_id\":" + id + ",\"description\":\"再试一次\"}");

        assertEquals(10093011, r.getInt("errcode"));
        assertTrue(r.getString("errmsg").contains("new first submission"), r.toString());
    }
}
