package telegate.telegram.emulator;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * TDLib's {@code storageStatistics}: the size and count of files, by chat and,
 * within a chat, by file type (every chat listed: {@code chat_limit} is not applied).
 */
final class StorageStatistics {

    private StorageStatistics() {
    }

    static JsonObject of(List<EmulatedFile> files, ToLongFunction<EmulatedFile> chatIdOf) {
        Map<Long, Map<String, long[]>> byChat = new TreeMap<>();
        for (EmulatedFile file : files) {
            long[] counts = byChat.computeIfAbsent(chatIdOf.applyAsLong(file), chat -> new TreeMap<>())
                    .computeIfAbsent(file.kind().tdType(), type -> new long[2]);
            counts[0] += file.size();
            counts[1]++;
        }
        JsonArrayBuilder chats = TdObjects.array();
        for (Map.Entry<Long, Map<String, long[]>> chat : byChat.entrySet()) {
            JsonArrayBuilder types = TdObjects.array();
            long size = 0;
            long count = 0;
            for (Map.Entry<String, long[]> type : chat.getValue().entrySet()) {
                types.add(TdObjects.object("storageStatisticsByFileType")
                        .add("file_type", TdObjects.object(type.getKey()))
                        .add("size", type.getValue()[0])
                        .add("count", type.getValue()[1]));
                size += type.getValue()[0];
                count += type.getValue()[1];
            }
            chats.add(TdObjects.object("storageStatisticsByChat")
                    .add("chat_id", chat.getKey())
                    .add("size", size)
                    .add("count", count)
                    .add("by_file_type", types));
        }
        return TdObjects.object("storageStatistics")
                .add("size", files.stream().mapToLong(EmulatedFile::size).sum())
                .add("count", files.size())
                .add("by_chat", chats)
                .build();
    }
}
