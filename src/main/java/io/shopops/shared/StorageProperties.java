package io.shopops.shared;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where a node keeps its local files: the embedded database, the first admin's password file, later the analytics store. */
@ConfigurationProperties("shopops.storage")
public record StorageProperties(@DefaultValue("./data") Path dataDir) {
}
