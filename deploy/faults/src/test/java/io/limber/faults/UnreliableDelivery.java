package io.limber.faults;

import io.limber.simulator.ClientEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What flaky networks and retrying apps do to a stream of events on the sender's side: a share of the events
 * arrives twice (the copy a few events later), and a share swaps places with the same person's next event.
 * Seeded, so a run is repeatable.
 */
final class UnreliableDelivery {

    /** The events in the order they go out, and how many were duplicated and reordered. */
    record Delivery(List<ClientEvent> events, int duplicated, int reordered) {
    }

    private UnreliableDelivery() {
    }

    static Delivery apply(List<ClientEvent> events, double duplicateShare, double reorderShare, long seed) {
        Random random = new Random(seed);
        List<ClientEvent> order = new ArrayList<>(events);
        int reordered = reorder(order, (int) Math.round(events.size() * reorderShare), random);

        List<Integer> indices = new ArrayList<>(IntStream.range(0, order.size()).boxed().toList());
        Collections.shuffle(indices, random);
        Set<Integer> twice = new HashSet<>(indices.subList(0, (int) Math.round(events.size() * duplicateShare)));
        List<List<ClientEvent>> copiesDueAt = new ArrayList<>();
        for (int i = 0; i < order.size() + 6; i++) {
            copiesDueAt.add(new ArrayList<>());
        }
        List<ClientEvent> out = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            out.addAll(copiesDueAt.get(i));
            out.add(order.get(i));
            if (twice.contains(i)) {
                copiesDueAt.get(i + 1 + random.nextInt(5)).add(order.get(i));
            }
        }
        copiesDueAt.subList(order.size(), copiesDueAt.size()).forEach(out::addAll);
        return new Delivery(List.copyOf(out), twice.size(), reordered);
    }

    /** Swaps {@code count} events, each with the same person's next event; returns how many it swapped. */
    private static int reorder(List<ClientEvent> order, int count, Random random) {
        Set<Integer> touched = new HashSet<>();
        int swapped = 0;
        for (int attempt = 0; swapped < count && attempt < order.size() * 10; attempt++) {
            int i = random.nextInt(order.size());
            int j = nextOfSamePerson(order, i);
            if (j < 0 || touched.contains(i) || touched.contains(j)) {
                continue;
            }
            Collections.swap(order, i, j);
            touched.add(i);
            touched.add(j);
            swapped++;
        }
        return swapped;
    }

    private static int nextOfSamePerson(List<ClientEvent> order, int i) {
        for (int j = i + 1; j < order.size(); j++) {
            if (order.get(j).userId().equals(order.get(i).userId())) {
                return j;
            }
        }
        return -1;
    }
}
