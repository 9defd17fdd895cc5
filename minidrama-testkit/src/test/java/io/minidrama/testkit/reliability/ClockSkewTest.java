package io.minidrama.testkit.reliability;

import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaName;
import io.minidrama.port.UploadCheckpoint;
import io.minidrama.port.UploadCheckpointPort;
import io.minidrama.port.upload.FileUploadCheckpoints;
import io.minidrama.port.upload.FileUploadRequest;
import io.minidrama.port.upload.FileUploadService;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.testkit.reliability.FaultProxy.Truncate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A platform whose clock is far from this machine's: a commit whose answer was lost, and a run that
 * committed but died before deleting its checkpoint, must each leave exactly one media, the file
 * sent once. The emulator's clock is set {@code skew} away from this machine's; "-PT5M20S" is an
 * emulator simply left running for 320 s (its clock stands still).
 */
class ClockSkewTest {
    /** 10.5 MB: three parts. */
    private static final long SIZE = 10 * Rig.MB + Rig.MB / 2;

    @TempDir
    static Path files;
    private static Path video;
    private static String videoSha;

    @TempDir
    Path checkpoints;
    private MiniDramaEmulator emulator;
    private FaultProxy proxy;
    private JdkHttpMiniDramaAdapter adapter;

    @BeforeAll
    static void file() {
        video = Rig.randomFile(files.resolve("episode.mp4"), SIZE, 19);
        videoSha = Rig.sha256(video);
    }

    private void start(String skew) {
        Instant platformNow = Instant.now().plus(Duration.parse(skew)).truncatedTo(ChronoUnit.SECONDS);
        emulator = MiniDramaEmulator.builder().credentials(Rig.APPID, Rig.SECRET)
                .platform(InMemoryMiniDramaPlatform.builder().clock(MutableClock.at(platformNow)).retryPolicy(io.minidrama.port.RetryPolicy.none()).build()).start();
        proxy = FaultProxy.to(emulator.baseUrl());
        adapter = Rig.adapter(proxy.baseUrl()).build();
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private static final MediaName NAME = MediaName.parse("时钟偏差 - 第1集");

    private static FileUploadRequest request() {
        return FileUploadRequest.builder(video, NAME).build();
    }

    /** An episode of the same name uploaded earlier, as a re-upload after a rejected audit leaves. */
    private MediaId anOlderNamesake() {
        try (FileUploadService uploads = Rig.uploads(adapter, checkpoints)) {
            return uploads.upload(FileUploadRequest.builder(video, NAME).checkpointKey("older").build());
        }
    }

    private void assertOneNewMedia(MediaId older, MediaId id) {
        List<Media> named = Rig.mediaNamed(emulator, NAME.wire());
        assertEquals(2, named.size(), "the older namesake and exactly one new media: " + named);
        assertEquals(List.of(older, id).stream().sorted(java.util.Comparator.comparingLong(MediaId::value)).toList(),
                named.stream().map(Media::id).sorted(java.util.Comparator.comparingLong(MediaId::value)).toList());
        assertEquals(videoSha, Rig.storedSha256(emulator, id));
        assertEquals(2, Rig.count(emulator, "applyupload"), "one applyupload each: the file was not sent again");
        assertEquals(6, Rig.count(emulator, "uploadpart"));
    }

    @ParameterizedTest(name = "platform clock {0} from this machine's")
    @ValueSource(strings = {"PT-2H", "PT-1H", "-PT5M20S", "PT-6M", "PT0S", "PT6M", "PT1H", "PT2H"})
    void commit_whenItsAnswerIsLostAndThePlatformClockIsSkewed_findsTheCommittedMediaAndUploadsOnce(String skew) {
        start(skew);
        MediaId older = anOlderNamesake();
        proxy.inject("commitupload", 1, new Truncate());

        MediaId id;
        try (FileUploadService uploads = Rig.uploads(adapter, checkpoints)) {
            id = uploads.upload(request());
        }

        assertOneNewMedia(older, id);
    }

    @ParameterizedTest(name = "platform clock {0} from this machine's")
    @ValueSource(strings = {"PT-2H", "PT-1H", "-PT5M20S", "PT-6M", "PT0S", "PT6M", "PT1H", "PT2H"})
    void upload_whenAnEarlierRunCommittedButDiedBeforeDeletingItsCheckpointAndTheClockIsSkewed_returnsThatMedia(String skew) {
        start(skew);
        MediaId older = anOlderNamesake();
        FileUploadCheckpoints store = FileUploadCheckpoints.in(checkpoints);
        MediaId first;
        try (FileUploadService dying = FileUploadService.builder(adapter, new KeepsEverything(store)).build()) {
            first = dying.upload(request());
        }

        MediaId again;
        try (FileUploadService uploads = Rig.uploads(adapter, checkpoints)) {
            again = uploads.upload(request());
        }

        assertEquals(first, again);
        assertOneNewMedia(older, again);
        assertEquals(3, Rig.count(emulator, "commitupload"), "the older, the first and the resumed run's commit (answered 10093030)");
        assertEquals(Optional.empty(), store.load(request().checkpointKey()), "the checkpoint is gone once the media is found");
    }

    /** A store whose process dies right after the commit: the checkpoint is never deleted. */
    private record KeepsEverything(UploadCheckpointPort store) implements UploadCheckpointPort {
        @Override
        public Optional<UploadCheckpoint> load(String key) {
            return store.load(key);
        }

        @Override
        public void save(UploadCheckpoint checkpoint) {
            store.save(checkpoint);
        }

        @Override
        public void delete(String key) {
        }
    }
}
