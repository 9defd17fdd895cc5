package io.minidrama.cli;

import io.minidrama.adapter.apache.ApacheHttpTransport;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.TimeWindow;
import io.minidrama.domain.cdn.CdnUsage;
import io.minidrama.domain.cdn.DataInterval;
import io.minidrama.domain.drama.Copyright;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaType;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.drama.Qualification;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.port.service.MiniDrama;
import io.minidrama.protocol.MiniDramaClient;
import io.minidrama.port.upload.FileUploadCheckpoints;
import io.minidrama.port.upload.FileUploadRequest;
import io.minidrama.port.upload.FileUploadService;
import io.minidrama.emulator.MiniDramaEmulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code minidrama demo}: the whole lifecycle on the embedded emulator, through the real HTTP
 * adapter, in plain words. No credentials, no network beyond loopback.
 */
@Command(mixinStandardHelpOptions = true, name = "demo", description = "Walk the whole lifecycle on the embedded emulator: upload a season, submit, approve, play links, CDN usage.")
final class DemoCommand implements Callable<Integer> {
    private static final String DRAMA = "星河短剧";

    @Spec
    CommandSpec spec;

    @Option(names = "--large-mb", defaultValue = "12", description = "Size of the chunked episode in MB (default ${DEFAULT-VALUE})")
    int largeMb;

    @Override
    public Integer call() {
        Output out = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), false);
        Path work = tempDir();
        // the tool's default transport (--transport apache), so an AppCDS archive recorded from the demo holds its classes
        try (MiniDramaEmulator emulator = MiniDramaEmulator.start(); ApacheHttpTransport transport = ApacheHttpTransport.create()) {
            out.say("1. Started the embedded WeChat emulator at " + emulator.baseUrl() + " (any appid and secret work).");
            MiniDramaClient platform = MiniDramaClient.builder().transport(transport)
                    .baseUrl(emulator.baseUrl()).credentials("wxdemo0000000001", "demo-secret").clock(emulator.clock()).build();
            MiniDrama md = MiniDrama.create(platform, emulator.clock());

            Path ep1 = write(work.resolve("ep01.mp4"), 2L * 1024 * 1024, 1);
            Path ep2 = write(work.resolve("ep02.mp4"), largeMb * 1024L * 1024, 2);
            out.say("2. Generated a two-episode season in " + work + ": ep01.mp4 (2 MB), ep02.mp4 (" + largeMb + " MB).");

            List<MediaId> episodes = new ArrayList<>();
            try (FileUploadService uploads = FileUploadService.builder(platform, FileUploadCheckpoints.in(work.resolve("checkpoints"))).build()) {
                MediaId first = uploads.upload(FileUploadRequest.builder(ep1, MediaName.of(DRAMA, 1)).build());
                episodes.add(first);
                out.say("3. Uploaded episode 1 in one request (single-file upload, under 10 MB): media_id " + first + ".");
                out.say("4. Uploading episode 2 in 5 MB parts (chunked upload, 4 parts in flight, resumable):");
                MediaId second = uploads.upload(FileUploadRequest.builder(ep2, MediaName.of(DRAMA, 2))
                        .listener(Uploads.bar(out, "   ep02.mp4")).build());
                out.endProgress();
                episodes.add(second);
                out.say("   done: media_id " + second + ".");
            }
            for (MediaId id : episodes) {
                Media m = md.media().get(id);
                out.say("   " + m.name() + ": " + m.fileSize() + " bytes on the platform, " + m.duration().toSeconds() + " s.");
            }

            DramaId drama = md.dramas().submit(FirstSubmission.builder()
                    .name(DRAMA).mediaIds(episodes).producer("星河影业").description("一部两集的演示短剧。")
                    .coverMaterialId(MaterialId.of("demo-cover"))
                    .qualification(new Qualification.Licensed("(沪)网剧审字(2026)第001号", MaterialId.of("demo-licence")))
                    .dramaType(DramaType.ANIMATED)
                    .copyright(Copyright.withoutProtection(Copyright.Role.PRODUCER))
                    .authorizedMaterialId(MaterialId.of("demo-authorization"))
                    .build());
            out.say("5. Submitted \"" + DRAMA + "\" for audit (current schema, qualification type 1): drama_id " + drama
                    + ", status " + md.dramas().get(drama).status() + ".");

            emulator.control().approveDrama(drama);
            Drama approved = md.dramas().get(drama);
            out.say("6. The emulator's reviewer approved it: status " + approved.status() + ".");

            List<PlayLink> links = new ArrayList<>();
            for (MediaId id : episodes) {
                links.add(md.media().playLink(id, Duration.ofHours(1)));
            }
            out.say("7. Play links (valid 1 hour; never store them):");
            for (PlayLink l : links) {
                out.say("   " + l.name() + ": " + l.mp4Url());
            }

            Instant start = emulator.clock().instant();
            int viewers = 0;
            for (PlayLink l : links) {
                for (int v = 1; v <= 3; v++) {
                    emulator.control().play(l.mp4Url(), "10.0.0." + v, "https://servicewechat.com/", 3L * 1024 * 1024);
                    viewers++;
                }
            }
            emulator.control().advance(Duration.ofMinutes(5));
            CdnUsage usage = md.cdn().usage(TimeWindow.of(start.minus(Duration.ofHours(1)), emulator.clock().instant()), DataInterval.FIVE_MINUTES);
            out.say(String.format(Locale.ROOT, "8. %d simulated views; CDN usage over the last hour: %.1f MB in %d five-minute points.",
                    viewers, usage.total() / 1048576.0, usage.points().size()));
            out.say("Done: the season is uploaded, approved and playable. Nothing left the machine.");
            return ExitCodes.OK;
        } finally {
            deleteTree(work);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("minidrama-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, long size, long seed) {
        byte[] block = new byte[64 * 1024];
        Random r = new Random(seed);
        try (OutputStream os = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                r.nextBytes(block);
                os.write(block, 0, (int) Math.min(block.length, left));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
