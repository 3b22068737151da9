package telegate.platform.control;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Telegate's tables as JDBC describes them (columns with type, size and nullability,
 * primary and unique keys, foreign keys, the sequence rows), one line each, sorted:
 * two databases with the same text have the same schema, whatever named the constraints.
 */
public final class SchemaShape {

    private SchemaShape() {
    }

    public static String of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        TreeSet<String> lines = new TreeSet<>();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (table.toUpperCase(Locale.ROOT).startsWith("TG_")) {
                    tables.add(table);
                }
            }
        }
        for (String table : tables) {
            String t = table.toUpperCase(Locale.ROOT);
            try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
                while (rs.next()) {
                    lines.add(t + " column " + rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT) + " "
                            + rs.getString("TYPE_NAME").toUpperCase(Locale.ROOT) + "(" + rs.getInt("COLUMN_SIZE") + ")"
                            + (rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " not null" : ""));
                }
            }
            TreeSet<String> primary = new TreeSet<>();
            try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
                while (rs.next()) {
                    primary.add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                }
            }
            lines.add(t + " primary key " + primary);
            java.util.Map<String, TreeSet<String>> unique = new java.util.TreeMap<>();
            try (ResultSet rs = meta.getIndexInfo(null, schema, table, true, false)) {
                while (rs.next()) {
                    if (rs.getString("COLUMN_NAME") != null) {
                        unique.computeIfAbsent(rs.getString("INDEX_NAME"), name -> new TreeSet<>())
                                .add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                    }
                }
            }
            unique.values().stream().filter(columns -> !columns.equals(primary))
                    .forEach(columns -> lines.add(t + " unique " + columns));
            try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
                while (rs.next()) {
                    lines.add(t + " foreign key " + rs.getString("FKCOLUMN_NAME").toUpperCase(Locale.ROOT) + " -> "
                            + rs.getString("PKTABLE_NAME").toUpperCase(Locale.ROOT) + "."
                            + rs.getString("PKCOLUMN_NAME").toUpperCase(Locale.ROOT));
                }
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT SEQ_NAME, SEQ_COUNT FROM TG_ID")) {
            while (rs.next()) {
                lines.add("TG_ID row " + rs.getString(1) + " " + rs.getLong(2));
            }
        }
        return String.join("\n", lines);
    }
}
