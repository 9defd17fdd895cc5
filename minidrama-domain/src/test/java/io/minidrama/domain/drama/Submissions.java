package io.minidrama.domain.drama;

import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;

import java.util.List;
import java.util.stream.IntStream;

/** Valid submissions to start from; each test breaks one thing. */
final class Submissions {
    static final List<String> ACTOR_NAMES = List.of("张三", "李四", "王五", "赵六", "钱七", "孙八");

    private Submissions() {
    }

    static List<MediaId> media(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> MediaId.of(1000 + i)).toList();
    }

    /** Older schema: registration number and an authorisation letter. */
    static FirstSubmission.Builder older() {
        return FirstSubmission.builder()
                .name("我的短剧")
                .mediaIds(media(3))
                .producer("某某影视有限公司")
                .description("一个关于梦想的故事")
                .coverMaterialId(MaterialId.of("cover-1"))
                .qualification(new Qualification.RegistrationNumber("备案号-2023-001"))
                .authorizedMaterialId(MaterialId.of("auth-1"));
    }

    /** Current schema (§6.1): licensed, animated, copyright without protection plus an authorisation letter. */
    static FirstSubmission.Builder current() {
        return FirstSubmission.builder()
                .name("我的短剧")
                .mediaIds(media(3))
                .producer("某某影视有限公司")
                .description("一个关于梦想的故事")
                .coverMaterialId(MaterialId.of("cover-1"))
                .qualification(new Qualification.Licensed("(沪)网剧审字(2023)第001号", MaterialId.of("cert-1")))
                .dramaType(DramaType.ANIMATED)
                .copyright(Copyright.withoutProtection(Copyright.Role.PRODUCER))
                .authorizedMaterialId(MaterialId.of("auth-1"));
    }

    static List<Actor> actors(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> new Actor(ACTOR_NAMES.get(i), MaterialId.of("photo-" + i), "角色", "演员简介"))
                .toList();
    }
}
