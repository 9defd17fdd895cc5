package io.minidrama.testkit.ports;

import io.minidrama.port.UploadCheckpointPort;
import io.minidrama.port.upload.FileUploadCheckpoints;
import io.minidrama.testkit.UploadCheckpointPortContractTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The default, file-based store (properties file plus appended lines) against the port's contract. */
class FileUploadCheckpointsContractTest extends UploadCheckpointPortContractTest {
    @TempDir
    Path dir;

    @Override
    protected UploadCheckpointPort createPort() {
        return FileUploadCheckpoints.in(dir);
    }
}
