import "../../db/load-env";
import { closeDatabase, database } from "../../db/client";
import { seedDemoData } from "./demo";

try {
  console.log(await seedDemoData(database().db));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
