package telegate.harvest.control;

import java.util.Objects;
import telegate.harvest.control.ChatRequest.Start;

/** A name as the client wrote it in a stream request, and where its stream starts; not resolved yet. */
public record NamedStart(String name, Start start) {

    public NamedStart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
    }
}
