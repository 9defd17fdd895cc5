package io.minidrama.adapter.jdkhttp;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.drama.Copyright;
import io.minidrama.domain.drama.DramaType;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.drama.Qualification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static io.minidrama.adapter.jdkhttp.WireAssertions.adapterFor;
import static io.minidrama.adapter.jdkhttp.WireAssertions.assertJsonCall;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code auditdrama} with the fields announced for 2026-07-28 (API.md §9.7): top-level
 * {@code ai_software_ownership_proof} (one material id) and {@code other_platform_publication_proof}
 * (a list), and {@code copyright.proof_of_production} up to 10. The official page documents none
 * of them yet (so its example carries none); the body around them is the page's current-schema
 * request with the page's qualification examples, and the answer is the page's {@code drama_id}.
 */
class AuditDramaAnnouncedFieldsWireTest {
    private final RecordingServer server = new RecordingServer();
    private final JdkHttpMiniDramaAdapter adapter = adapterFor(server, new WireAssertions.RecordingSleeper()).build();

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<MaterialId> ids(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> MaterialId.of(prefix + i)).toList();
    }

    private static FirstSubmission.Builder lowCostAnimated() {
        return FirstSubmission.builder().name("我的短剧").mediaIds(List.of(MediaId.of(2870001234567890123L), MediaId.of(2870001234567890124L)))
                .producer("某某影视有限公司").description("一个关于梦想的故事").coverMaterialId(MaterialId.of("cover_material_id"))
                .qualification(new Qualification.LowCost(90, MaterialId.of("cost_commitment_letter_material_id")))
                .dramaType(DramaType.ANIMATED);
    }

    @Test
    void submit_withTheAnnouncedFields_sendsThemTopLevelAndTenProofsInCopyright() {
        server.json("/wxa/sec/vod/auditdrama", "{\"errcode\":0,\"errmsg\":\"ok\",\"drama_id\":100000}");
        FirstSubmission s = lowCostAnimated()
                .copyright(Copyright.withProtection(Copyright.Role.PRODUCER, Copyright.Verification.PROOF_MATERIALS,
                        ids("proof", 10), List.of()))
                .containsAiContent(true)
                .aiSoftwareOwnershipProof(MaterialId.of("ai_software_ownership_proof"))
                .otherPlatformPublicationProof(ids("pub", 4))
                .build();

        DramaId id = adapter.submit(s);

        assertEquals(DramaId.of(100000), id);
        assertJsonCall(server.only("/wxa/sec/vod/auditdrama"), "auditdrama", """
                {"name":"我的短剧","media_count":2,"media_id_list":[2870001234567890123,2870001234567890124],
                 "producer":"某某影视有限公司","description":"一个关于梦想的故事","cover_material_id":"cover_material_id",
                 "expedited":0,"qualification_type":2,"cost_of_production":90,
                 "cost_commitment_letter_material_id":"cost_commitment_letter_material_id","drama_type":1,
                 "copyright":{"copyright_role":1,"apply_for_copyright_protection":1,"copyright_verification":"1",
                              "proof_of_production":["proof1","proof2","proof3","proof4","proof5","proof6","proof7","proof8",
                                                     "proof9","proof10"]},
                 "content_declared":1,
                 "ai_software_ownership_proof":"ai_software_ownership_proof",
                 "other_platform_publication_proof":["pub1","pub2","pub3","pub4"]}""");
    }

    @Test
    void submit_withoutTheAnnouncedFields_sendsNeitherKey() {
        server.json("/wxa/sec/vod/auditdrama", "{\"errcode\":0,\"errmsg\":\"ok\",\"drama_id\":100001}");

        adapter.submit(lowCostAnimated().copyright(Copyright.withoutProtection(Copyright.Role.PRODUCER))
                .authorizedMaterialId(MaterialId.of("authorized_material_id")).build());

        assertJsonCall(server.only("/wxa/sec/vod/auditdrama"), "auditdrama", """
                {"name":"我的短剧","media_count":2,"media_id_list":[2870001234567890123,2870001234567890124],
                 "producer":"某某影视有限公司","description":"一个关于梦想的故事","cover_material_id":"cover_material_id",
                 "expedited":0,"qualification_type":2,"cost_of_production":90,
                 "cost_commitment_letter_material_id":"cost_commitment_letter_material_id","drama_type":1,
                 "copyright":{"copyright_role":1,"apply_for_copyright_protection":0},
                 "authorized_material_id":"authorized_material_id"}""");
    }
}
