package org.opencs.jes.exec;

import java.util.List;
import org.opencs.jes.jcl.JclEnvironment;
import org.opencs.jes.jcl.JclJob;

/** The JCL converter JES uses: {@link org.opencs.jes.jcl.JclReader#read} unless another is given (tests). */
@FunctionalInterface
public interface JclConverter {
    JclJob read(List<String> cards, JclEnvironment environment);
}
