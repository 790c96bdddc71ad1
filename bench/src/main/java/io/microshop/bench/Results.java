package io.microshop.bench;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** The figures of one benchmark run, one JSON object a line, appended as each measurement ends. */
public final class Results {

    private final Path file;

    public Results(Path file) {
        this.file = file;
    }

    public void add(Figure figure) {
        try {
            Files.writeString(file, figure.toJson() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public List<Figure> all() {
        List<Figure> figures = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    try (JsonReader reader = Json.createReader(new StringReader(line))) {
                        figures.add(Figure.fromJson(reader.readObject()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return figures;
    }
}
