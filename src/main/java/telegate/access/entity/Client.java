package telegate.access.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import java.util.Objects;

/** A system that uses Telegate: the owner of API keys, one Telegram account and its cursors. */
@Entity
@Table(name = "TG_CLIENT")
public class Client {

    @Id
    // a table, not a database sequence: portable, and H2 2.x rejects IDENTITY DDL
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "client_seq")
    @TableGenerator(name = "client_seq", table = "TG_ID", pkColumnValue = "client", allocationSize = 10)
    private Long id;

    private String name;

    private Instant created;

    protected Client() {
    }

    public Client(String name, Instant created) {
        this.name = Objects.requireNonNull(name, "name");
        this.created = Objects.requireNonNull(created, "created");
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreated() {
        return created;
    }
}
