package io.minidrama.benchmarks.peers;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.WxMaVodService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.vod.WxMaVodApplyUploadRequest;
import cn.binarywang.wx.miniapp.bean.vod.WxMaVodCommitUploadRequest;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;

import java.io.File;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The peer: WxJava 4.7.0 ({@code weixin-java-miniapp}, Apache HttpClient 4) uploading a file in
 * 5 MiB parts the way its API allows. {@code WxMaVodService.uploadPart} takes a {@link File} and
 * sends one part per call, so its user copies each part into a temporary file and uploads that,
 * one part at a time; then {@code commitUpload} with the etags. Run in its own JVM by
 * {@link io.minidrama.benchmarks.PeerBenchmark} (class path: benchmarks.jar plus
 * {@code target/wxjava.classpath}); prints {@code media_id=N} last.
 *
 * <pre>WxJavaUpload BASE_URL FILE "剧目名 - 第N集"</pre>
 */
public final class WxJavaUpload {
    private static final long PART = 5L * 1024 * 1024;

    private WxJavaUpload() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path file = Path.of(args[1]);
        String name = args[2];

        WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
        config.setAppid("wxbench000000000001");
        config.setSecret("bench");
        config.setApiHostUrl(base); // every API URL (and the token URL) starts with this instead of https://api.weixin.qq.com
        WxMaService service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        WxMaVodService vod = service.getWxMaVodService();

        String uploadId = vod.applyUpload(WxMaVodApplyUploadRequest.builder().mediaName(name).mediaType("MP4").build()).getUploadId();
        long size = Files.size(file);
        List<WxMaVodCommitUploadRequest.PartInfo> parts = new ArrayList<>();
        Path tmp = Files.createTempFile("wxjava-part-", ".mp4");
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            int number = 1;
            for (long offset = 0; offset < size; offset += PART, number++) {
                long length = Math.min(PART, size - offset);
                try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    for (long done = 0; done < length; ) {
                        done += in.transferTo(offset + done, length - done, out); // a kernel copy: the cheapest way to write the part
                    }
                }
                WxMaVodCommitUploadRequest.PartInfo part = new WxMaVodCommitUploadRequest.PartInfo();
                part.setPartNumber(number);
                part.setEtag(vod.uploadPart(tmp.toFile(), uploadId, number, 1).getEtag());
                parts.add(part);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        Integer mediaId = vod.commitUpload(WxMaVodCommitUploadRequest.builder().uploadId(uploadId).mediaPartInfos(parts).build()).getMediaId();
        System.out.println("media_id=" + mediaId);
    }
}
