package io.shopops.catalog;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where an export writes. Opened only once the request is known to be valid, so that a refused export can
 * still be answered with an error rather than half a file.
 */
@FunctionalInterface
public interface ExportTarget {

    OutputStream open() throws IOException;
}
