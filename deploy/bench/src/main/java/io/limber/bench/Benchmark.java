package io.limber.bench;

import java.util.List;

/** One benchmark of the suite: sets up what it needs, measures, tears down, returns its rows. */
public interface Benchmark {

    /** Short name, used by {@code --only}. */
    String name();

    /** One line: what it measures, against which baseline. */
    String description();

    List<Figure> run(BenchContext context) throws Exception;
}
