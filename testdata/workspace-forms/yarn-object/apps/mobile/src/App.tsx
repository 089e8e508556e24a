import { Text, View } from "react-native";
import { formatScore } from "@yarn-object/shared";

export default function App() {
  return (
    <View>
      <Text>{formatScore(42)}</Text>
    </View>
  );
}
